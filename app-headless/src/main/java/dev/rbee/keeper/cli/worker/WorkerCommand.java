package dev.rbee.keeper.cli.worker;

import dev.rbee.keeper.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rbee-keeper worker}: start and stop workers (cli.md §9); queen must be running. */
@Command(name = "worker", description = "Start or stop workers (queen-rbee must be running).",
        subcommands = {WorkerStartCommand.class, WorkerStopCommand.class})
public final class WorkerCommand {
    @Mixin
    GlobalOptions globals;
}
