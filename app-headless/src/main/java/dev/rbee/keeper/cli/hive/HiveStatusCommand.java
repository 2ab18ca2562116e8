package dev.rbee.keeper.cli.hive;

import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hive status --node N}: version, URL, backends and workers; exit 1 when the hive is not running. */
@Command(name = "status", description = "Show whether a node's rbee-hive runs, its backends and workers.")
public final class HiveStatusCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", required = true, paramLabel = "<node>", description = "Node name (localhost for this machine)")
    String node;

    @Override
    public int execute(CliContext context) {
        HiveStatus status;
        try (QueenSession session = context.openQueen(QueenSession.Need.MUST_RUN)) {
            status = session.client().hiveStatus(node);
        }
        if (context.json()) {
            context.console().result(context.env().json().write(status));
        } else if (!status.running()) {
            context.console().result("rbee-hive is not running on " + node);
        } else {
            context.console().result("✅ " + HiveLines.running(status));
            HiveLines.details(status).forEach(context.console()::result);
        }
        return status.running() ? KeeperCli.OK : KeeperCli.FAILED;
    }
}
