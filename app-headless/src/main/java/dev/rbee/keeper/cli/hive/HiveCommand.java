package dev.rbee.keeper.cli.hive;

import dev.rbee.keeper.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rbee-keeper hive}: start, stop and look at a node's rbee-hive (cli.md §8); queen must be running. */
@Command(name = "hive", description = "Start, stop or check the rbee-hive of a node (queen-rbee must be running).",
        subcommands = {HiveStartCommand.class, HiveStopCommand.class, HiveStatusCommand.class})
public final class HiveCommand {
    @Mixin
    GlobalOptions globals;
}
