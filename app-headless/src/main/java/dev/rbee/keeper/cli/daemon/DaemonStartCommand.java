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

/** {@code daemon start}: starts queen detached and records it, or reports the one already running. */
@Command(name = "start", description = "Start queen-rbee in the background (it keeps running after this command).")
public final class DaemonStartCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;

    @Override
    public int execute(CliContext context) {
        QueenDaemon.Started started = new QueenDaemon(context.env(), context.queenMessages())
                .start(context.queenUrl());
        if (context.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("queen_url", started.url().text());
            doc.put("pid", started.pid());
            doc.put("version", started.version());
            doc.put("owner", started.ownedByKeeper() ? "rbee-keeper" : "external");
            doc.put("already_running", started.alreadyRunning());
            context.console().result(context.env().json().write(doc));
        } else if (started.alreadyRunning()) {
            context.console().result("✅ queen-rbee " + started.version() + " is already running at " + started.url());
        } else {
            context.console().result("✅ queen-rbee " + started.version() + " is running at " + started.url()
                    + " (pid " + started.pid() + ", log " + started.log() + ")");
        }
        return KeeperCli.OK;
    }
}
