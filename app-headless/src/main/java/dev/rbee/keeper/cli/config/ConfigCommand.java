package dev.rbee.keeper.cli.config;

import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.setup.RemoveNodeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code rbee-keeper config}: the SSH settings of nodes (cli.md §7). {@code remove-node} is {@code setup remove-node}
 * under a second name, as cli.md defines it.
 */
@Command(name = "config", description = "The SSH settings of the nodes queen-rbee manages.",
        subcommands = {ConfigSetSshCommand.class, ConfigListNodesCommand.class, RemoveNodeCommand.class,
                ConfigImportSshConfigCommand.class})
public final class ConfigCommand {
    @Mixin
    GlobalOptions globals;
}
