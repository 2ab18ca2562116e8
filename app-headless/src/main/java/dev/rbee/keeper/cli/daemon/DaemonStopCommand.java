package dev.rbee.keeper.cli.daemon;

import dev.rbee.contract.queen.ForceKilled;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code daemon stop}: stops the queen keeper recorded, with its cascade; never one started another way. */
@Command(name = "stop", description = "Stop the queen-rbee started by 'daemon start' and everything it started.")
public final class DaemonStopCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;

    @Override
    public int execute(CliContext context) {
        QueenDaemon.Stopped stopped = new QueenDaemon(context.env(), context.queenMessages())
                .stop(context.queenUrl());
        if (context.json()) {
            context.console().result(context.env().json().write(document(stopped)));
        } else if (!stopped.wasRunning()) {
            context.console().result("queen-rbee is not running at " + stopped.url());
        } else {
            for (ForceKilled killed : stopped.forceKilled()) {
                context.console().note("⚠️ Force-killed after 30 s: " + killed.process() + " on " + killed.node());
            }
            context.console().result("✅ Stopped queen-rbee, " + stopped.hives() + " hive(s) and "
                    + stopped.workers() + " worker(s)");
        }
        return KeeperCli.OK;
    }

    private static Map<String, Object> document(QueenDaemon.Stopped stopped) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("queen_url", stopped.url().text());
        doc.put("stopped", stopped.wasRunning());
        doc.put("hives", stopped.hives());
        doc.put("workers", stopped.workers());
        doc.put("force_killed", stopped.forceKilled());
        return doc;
    }
}
