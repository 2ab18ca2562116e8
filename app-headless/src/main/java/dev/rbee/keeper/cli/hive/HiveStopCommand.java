package dev.rbee.keeper.cli.hive;

import dev.rbee.contract.queen.ForceKilled;
import dev.rbee.contract.queen.HiveStopResponse;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hive stop --node N}: the hive drains its workers and exits; not running is not an error (cli.md §8). */
@Command(name = "stop", description = "Stop the rbee-hive of a node and its workers.")
public final class HiveStopCommand implements KeeperCommand {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", required = true, paramLabel = "<node>", description = "Node name (localhost for this machine)")
    String node;

    @Override
    public int execute(CliContext context) {
        HiveStopResponse stopped;
        try (QueenSession session = context.openQueen(QueenSession.Need.MUST_RUN)) {
            stopped = session.client(TIMEOUT).hiveStop(node);
        }
        if (context.json()) {
            context.console().result(context.env().json().write(stopped));
        } else if (!stopped.stopped()) {
            context.console().result("rbee-hive is not running on " + node);
        } else {
            for (ForceKilled killed : stopped.forceKilled()) {
                context.console().note("⚠️ Force-killed after 30 s: " + killed.process() + " on " + killed.node());
            }
            context.console().result("✅ rbee-hive on " + node + " stopped (" + stopped.workers()
                    + " worker(s) stopped)");
        }
        return KeeperCli.OK;
    }
}
