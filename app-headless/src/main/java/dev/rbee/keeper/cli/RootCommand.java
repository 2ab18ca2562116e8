package dev.rbee.keeper.cli;

import dev.rbee.keeper.cli.daemon.DaemonCommand;
import dev.rbee.keeper.cli.infer.InferCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rbee-keeper}: the groups; without one the help is printed. */
@Command(name = "rbee-keeper",
        description = "Operate an rbee cluster: queen-rbee, its hives and workers.",
        subcommands = {DaemonCommand.class, InferCommand.class, dev.rbee.keeper.cli.models.ModelsCommand.class,
                dev.rbee.keeper.cli.hive.HiveCommand.class, dev.rbee.keeper.cli.worker.WorkerCommand.class,
                dev.rbee.keeper.cli.logs.LogsCommand.class, dev.rbee.keeper.cli.config.ConfigCommand.class,
                dev.rbee.keeper.cli.setup.SetupCommand.class,
                dev.rbee.keeper.cli.status.StatusCommand.class,
                dev.rbee.keeper.cli.completion.CompletionCommand.class})
public final class RootCommand {
    @Mixin
    GlobalOptions globals;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit")
    boolean version;
}
