package dev.rbee.desktop.shell;

import dev.rbee.contract.RbeeHome;
import dev.rbee.keeper.KeeperConfigLoader;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.fleet.FleetInventory;
import dev.rbee.keeper.fleet.FleetStop;
import dev.rbee.keeper.fleet.StopReport;
import dev.rbee.keeper.queen.QueenDaemon;
import dev.rbee.keeper.queen.QueenLifecycleListener;
import dev.rbee.keeper.queen.QueenSession;

/**
 * The app's one queen session, opened on first use the way a CLI command that auto-starts queen opens it (cli.md
 * §4): a queen that answers is used and left running; with a loopback URL and nobody answering, an ephemeral queen
 * is started and owned by the app until {@link #close()} (the window closing). Unlike a CLI command, the session
 * lasts as long as the app, so one ephemeral queen serves every run. Thread-safe; opening blocks (≤ 30 s).
 * After the user stops queen from the app, nothing restarts it behind their back: {@link #session()} fails until
 * {@link #start()}.
 */
public final class QueenConnection implements AutoCloseable {
    private final KeeperEnvironment env;
    private final QueenLifecycleListener listener;
    private QueenSession session;
    private boolean closed;
    private boolean stoppedByUser;

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
        if (session == null && stoppedByUser) {
            throw KeeperErrors.queenUnreachable(resolveUrl(configured()));
        }
        if (session == null) {
            KeeperEnvironment configured = configured();
            session = QueenSession.open(configured, resolveUrl(configured), QueenSession.Need.AUTO_START, listener);
        }
        return session;
    }

    /** Start queen (the Overview's button): an ephemeral one owned by the app, or the one that already answers. */
    public synchronized QueenSession start() {
        stoppedByUser = false;
        return session();
    }

    /**
     * Stops the queen this app or {@code daemon start} started, with its cascade.
     *
     * @throws dev.rbee.contract.error.RbeeException QUEEN_NOT_OWNED for a queen started another way
     */
    public synchronized void stopQueen() {
        QueenSession open = session();
        if (open.isEphemeral()) {
            open.close();
        } else {
            new QueenDaemon(configured(), listener).stop(open.url());
        }
        forget();
    }

    /** "Stop everything": queen's cascade on any queen, then proof of what stopped (see {@link FleetStop}). */
    public synchronized StopReport stopEverything(FleetStop stop, ClusterState before) throws InterruptedException {
        QueenSession open = session();
        StopReport report = stop.stop(open.client(QueenDaemon.STOP_TIMEOUT),
                FleetInventory.withLocalPids(FleetInventory.of(before, open.url(), open.queenPid())));
        open.close();
        forget();
        return report;
    }

    public synchronized boolean stoppedByUser() {
        return stoppedByUser;
    }

    private void forget() {
        session = null;
        stoppedByUser = true;
    }

    private KeeperEnvironment configured() {
        return env.withConfig(KeeperConfigLoader.load(env.home().configToml()).config());
    }

    private static QueenUrl resolveUrl(KeeperEnvironment configured) {
        return QueenUrl.resolve(null, configured.env(), configured.config().queenUrl());
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
