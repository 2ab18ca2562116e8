package dev.rbee.desktop.overview;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.keeper.cluster.ClusterWatcher;

import dev.rbee.keeper.cluster.ClusterUpdate;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Feeds the overview from queen's {@code GET /v2/events} through the keeper core's {@link ClusterWatcher}, once the
 * app's queen session is open. The watcher reconnects by itself; this only starts and stops it. Other screens that
 * need the live cluster (the live board, the logs' source chooser) {@link #listen} here rather than open a second
 * events stream; every listener gets the same coalesced update on the UI executor.
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

    /** Adds a screen that wants each update too (on the UI executor, after the overview); call before {@link #start}. */
    public OverviewFeed listen(Consumer<ClusterUpdate> listener) {
        listeners.add(listener);
        return this;
    }

    /** Opens the queen session in the background (the shell shows why when it cannot), then follows its events. */
    public void start(QueenConnection queen, Executor background) {
        background.execute(() -> {
            try {
                follow(ClusterWatcher.start(queen.session().client(), ui,
                        this::deliver));
            } catch (RbeeException | IllegalStateException e) {
                // No queen (the status line says why) or the window is closing: nothing to follow.
            }
        });
    }

    private void deliver(ClusterUpdate update) {
        Instant now = Instant.now();
        overview.show(update, now);
        listeners.forEach(listener -> listener.accept(update));
    }

    private synchronized void follow(ClusterWatcher started) {
        if (closed) {
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
