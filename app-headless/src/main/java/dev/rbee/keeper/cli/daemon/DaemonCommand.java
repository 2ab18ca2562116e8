package dev.rbee.keeper.cli.daemon;

import dev.rbee.keeper.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rbee-keeper daemon}: a persistent queen on this machine (cli.md §5). */
@Command(name = "daemon", description = "Start, stop or check a persistent queen-rbee on this machine.",
        subcommands = {DaemonStartCommand.class, DaemonStopCommand.class, DaemonStatusCommand.class})
public final class DaemonCommand {
    @Mixin
    GlobalOptions globals;
}
