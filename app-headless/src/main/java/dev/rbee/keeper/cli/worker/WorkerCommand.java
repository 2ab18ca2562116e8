package dev.rbee.keeper.cli.worker;

import dev.rbee.keeper.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rbee-keeper worker}: start, stop and list workers (cli.md §9); queen must be running. */
@Command(name = "worker", description = "Start, stop or list workers (queen-rbee must be running).",
        subcommands = {WorkerStartCommand.class, WorkerStopCommand.class, WorkerListCommand.class})
public final class WorkerCommand {
    @Mixin
    GlobalOptions globals;
}
