package dev.rbee.desktop.shell;

import dev.rbee.contract.RbeeHome;
import dev.rbee.keeper.KeeperConfigLoader;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.queen.QueenLifecycleListener;
import dev.rbee.keeper.queen.QueenSession;

/**
 * The app's one queen session, opened on first use the way a CLI command that auto-starts queen opens it (cli.md
 * §4): a queen that answers is used and left running; with a loopback URL and nobody answering, an ephemeral queen
 * is started and owned by the app until {@link #close()} (the window closing). Unlike a CLI command, the session
 * lasts as long as the app, so one ephemeral queen serves every run. Thread-safe; opening blocks (≤ 30 s).
 */
public final class QueenConnection implements AutoCloseable {
    private final KeeperEnvironment env;
    private final QueenLifecycleListener listener;
    private QueenSession session;
    private boolean closed;

    public QueenConnection(KeeperEnvironment env, QueenLifecycleListener listener) {
        this.env = env;
        this.listener = listener;
    }

    public RbeeHome home() {
        return env.home();
    }

    /**
     * Reads config.toml each time no session is open yet, so a fixed file takes effect on the next try.
     *
     * @throws dev.rbee.contract.error.RbeeException CONFIG_INVALID, QUEEN_UNREACHABLE, QUEEN_START_FAILED,
     *                                               PORT_IN_USE
     */
    public synchronized QueenSession session() {
        if (closed) {
            throw new IllegalStateException("the app is closing");
        }
        if (session == null) {
            KeeperEnvironment configured = env.withConfig(KeeperConfigLoader.load(env.home().configToml()).config());
            QueenUrl url = QueenUrl.resolve(null, configured.env(), configured.config().queenUrl());
            session = QueenSession.open(configured, url, QueenSession.Need.AUTO_START, listener);
        }
        return session;
    }

    /** Stops the queen only when this app started it; waits for its cascade (≤ 35 s). */
    @Override
    public synchronized void close() {
        closed = true;
        if (session != null) {
            session.close();
        }
    }
}
