package dev.rbee.keeper.cli.daemon;

import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code daemon status}: reports the queen at the URL; never starts one. Exit 1 when none runs. */
@Command(name = "status", description = "Tell whether queen-rbee runs and who started it.")
public final class DaemonStatusCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;

    @Override
    public int execute(CliContext context) {
        QueenDaemon.Status status = new QueenDaemon(context.env(), context.queenMessages())
                .status(context.queenUrl());
        if (context.json()) {
            context.console().result(context.env().json().write(document(status)));
        } else if (status.running()) {
            String owner = status.ownedByKeeper() ? "started by rbee-keeper, pid " + status.pid()
                    : "not started by rbee-keeper";
            context.console().result("✅ queen-rbee " + status.version() + " is running at " + status.url()
                    + " (" + owner + ")");
        } else {
            context.console().result("queen-rbee is not running at " + status.url());
            context.console().note("💡 Start it: rbee-keeper daemon start");
        }
        return status.running() ? KeeperCli.OK : KeeperCli.FAILED;
    }

    private static Map<String, Object> document(QueenDaemon.Status status) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("queen_url", status.url().text());
        doc.put("running", status.running());
        doc.put("version", status.version());
        doc.put("owner", !status.running() ? null : status.ownedByKeeper() ? "rbee-keeper" : "external");
        doc.put("pid", status.pid());
        return doc;
    }
}
