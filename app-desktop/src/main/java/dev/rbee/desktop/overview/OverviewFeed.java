package dev.rbee.desktop.overview;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.keeper.cluster.ClusterUpdate;
import dev.rbee.keeper.cluster.ClusterWatcher;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Feeds the overview, and every screen that listens, from queen's {@code GET /v2/events} through the keeper core's
 * {@link ClusterWatcher}, once the app's queen session is open: one events connection for the whole app. The watcher
 * reconnects by itself; this only starts and stops it.
 */
public final class OverviewFeed implements AutoCloseable {
    private final OverviewViewModel overview;
    private final Executor ui;
    private final List<Consumer<ClusterUpdate>> listeners = new CopyOnWriteArrayList<>();
    private ClusterWatcher watcher;
    private boolean closed;

    public OverviewFeed(OverviewViewModel overview, Executor ui) {
        this.overview = overview;
        this.ui = ui;
    }

    /** Adds a screen that wants each update too (on the UI executor, after the overview). */
    public OverviewFeed listen(Consumer<ClusterUpdate> listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Opens the queen session in the background (the shell shows why when it cannot), then follows its events. Does
     * nothing while a watcher runs: it reconnects by itself, also to a queen started again after a stop.
     */
    public void start(QueenConnection queen, Executor background) {
        if (following()) {
            return;
        }
        background.execute(() -> {
            try {
                follow(ClusterWatcher.start(queen.session().client(), ui, this::deliver));
            } catch (RbeeException | IllegalStateException e) {
                // No queen (the status line says why) or the window is closing: nothing to follow.
            }
        });
    }

    private void deliver(ClusterUpdate update) {
        overview.show(update, Instant.now());
        listeners.forEach(listener -> listener.accept(update));
    }

    private synchronized boolean following() {
        return watcher != null;
    }

    private synchronized void follow(ClusterWatcher started) {
        if (closed || watcher != null) {
            started.close();
        } else {
            watcher = started;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
    }
}
