package dev.rbee.keeper.cli;

import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.queen.QueenLifecycleListener;

/** The stderr lines of cli.md §4 and §5 about starting and stopping queen. */
final class QueenMessages implements QueenLifecycleListener {
    private final Console console;

    QueenMessages(Console console) {
        this.console = console;
    }

    @Override
    public void versionMismatch(String queenVersion, String keeperVersion) {
        console.note("[rbee-keeper] ⚠️ queen-rbee is " + queenVersion + ", this rbee-keeper is " + keeperVersion);
    }

    @Override
    public void startingEphemeral(QueenUrl url) {
        console.note("[rbee-keeper] 🚀 Starting queen-rbee (ephemeral) on " + url);
    }

    @Override
    public void ephemeralReady(long pid) {
        console.note("[rbee-keeper] ✅ queen-rbee ready (pid " + pid + ")");
    }

    @Override
    public void stoppingEphemeral() {
        console.note("[rbee-keeper] 🛑 Stopping ephemeral queen-rbee and everything it started...");
    }

    @Override
    public void stopping() {
        console.note("🛑 Stopping queen-rbee and everything it started...");
    }

    @Override
    public void killedAfterTimeout(long pid) {
        console.note("[rbee-keeper] ⚠️ queen-rbee (pid " + pid + ") did not exit in time and was killed");
    }
}
