package dev.rbee.keeper.cli.hive;

import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hive start --node N}: {@code POST /v2/nodes/{N}/hive/start}, waiting up to 90 s (cli.md §1, §8). */
@Command(name = "start", description = "Start the rbee-hive of a node.")
public final class HiveStartCommand implements KeeperCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", required = true, paramLabel = "<node>", description = "Node name (localhost for this machine)")
    String node;

    @Override
    public int execute(CliContext context) {
        HiveStatus status;
        try (QueenSession session = context.openQueen(QueenSession.Need.MUST_RUN)) {
            context.console().note("Starting rbee-hive on " + node + "...");
            status = session.client(TIMEOUT).hiveStart(node);
        }
        if (context.json()) {
            context.console().result(context.env().json().write(status));
        } else if (Boolean.TRUE.equals(status.alreadyRunning())) {
            context.console().result("✅ rbee-hive is already running on " + node);
        } else {
            context.console().result("✅ " + HiveLines.running(status));
        }
        return KeeperCli.OK;
    }
}
