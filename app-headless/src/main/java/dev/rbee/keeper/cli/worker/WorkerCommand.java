package dev.rbee.keeper.cli.worker;

import dev.rbee.keeper.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rbee-keeper worker}: the workers of the cluster (cli.md §9). */
@Command(name = "worker", description = "List the workers of the cluster.", subcommands = WorkerListCommand.class)
public final class WorkerCommand {
    @Mixin
    GlobalOptions globals;
}
