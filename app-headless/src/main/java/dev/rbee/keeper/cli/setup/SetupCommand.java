package dev.rbee.keeper.cli.setup;

import dev.rbee.keeper.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rbee-keeper setup}: the node registry (cli.md §6); auto-starts queen. */
@Command(name = "setup", description = "Add, update, list or remove the nodes queen-rbee manages over SSH, and install rbee on them.",
        subcommands = {AddNodeCommand.class, UpdateNodeCommand.class, ListNodesCommand.class,
                RemoveNodeCommand.class, InstallCommand.class})
public final class SetupCommand {
    @Mixin
    GlobalOptions globals;
}
