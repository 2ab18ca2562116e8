package dev.rbee.keeper.cluster;

import dev.rbee.contract.client.InterruptedCallException;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.NodeEvent;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.contract.sse.ShutdownEvent;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows queen's {@code GET /v2/events} on its own thread and hands each new {@link ClusterUpdate} to a listener
 * through an executor (the desktop passes {@code Platform::runLater}), coalesced so a slow listener only ever gets
 * the newest one. When the stream breaks or queen announces {@code shutdown} it reports DISCONNECTED, keeps the last
 * state for display, and reconnects with {@link Backoff}; every connection starts over from queen's snapshot.
 */
public final class ClusterWatcher implements AutoCloseable {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final QueenClient client;
    private final InstantSource clock;
    private final Backoff backoff;
    private final Coalescer<ClusterUpdate> out;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile SseResponse current;
    private volatile ClusterUpdate latest;

    public ClusterWatcher(QueenClient client, Executor executor, Consumer<ClusterUpdate> listener,
                          InstantSource clock, Backoff backoff) {
        this.client = client;
        this.clock = clock;
        this.backoff = backoff;
        this.out = new Coalescer<>(executor, listener);
        this.latest = new ClusterUpdate(ClusterState.empty(clock.instant()), ConnectionState.CONNECTING);
        this.thread = Thread.ofPlatform().daemon().name("rbee-cluster-watcher").unstarted(this::run);
    }

    /** Starts following with the system clock and {@link Backoff#DEFAULT}. */
    public static ClusterWatcher start(QueenClient client, Executor executor, Consumer<ClusterUpdate> listener) {
        ClusterWatcher watcher = new ClusterWatcher(client, executor, listener, InstantSource.system(),
                Backoff.DEFAULT);
        watcher.start();
        return watcher;
    }

    public void start() {
        out.offer(latest);
        thread.start();
    }

    /** The newest update, also those the listener has not been handed yet; safe from any thread. */
    public ClusterUpdate latest() {
        return latest;
    }

    /** True while the watcher's thread is alive. */
    public boolean running() {
        return thread.isAlive();
    }

    private void run() {
        int attempts = 0;
        while (!isClosing()) {
            String reason = follow();
            if (latest.connection().connected()) {
                attempts = 0; // The stream was up: the next failure starts the backoff over.
            }
            if (isClosing()) {
                return;
            }
            publish(latest.state(), ConnectionState.disconnected(reason, attempts));
            if (pause(backoff.delay(attempts++))) {
                return;
            }
        }
    }

    /** One connection, from opening to its end; returns why it ended. */
    private String follow() {
        try (SseResponse response = client.events()) {
            current = response;
            if (isClosing()) {
                return "closed";
            }
            return read(response.events());
        } catch (RbeeException | UnreachableException | UncheckedIOException e) {
            return e.getMessage();
        } catch (InterruptedCallException e) {
            return "closed";
        } finally {
            current = null;
        }
    }

    private String read(SseEventStream events) {
        if (!events.hasNext()) {
            return ended(events);
        }
        if (!(events.next() instanceof SnapshotEvent snapshot)) {
            return "queen's event stream did not start with a snapshot";
        }
        publish(ClusterState.of(snapshot, clock.instant()), ConnectionState.CONNECTED);
        while (events.hasNext()) {
            SseEvent event = events.next();
            if (event instanceof ShutdownEvent) {
                return "queen-rbee is shutting down";
            }
            ClusterState next = latest.state().apply(event, clock.instant());
            if (event instanceof NodeEvent node && !NodeEvent.REMOVED.equals(node.action())) {
                next = withRegistry(next);
            }
            if (next != latest.state()) {
                publish(next, ConnectionState.CONNECTED);
            }
        }
        return ended(events);
    }

    /** Node events carry only a name; the registry listing has the fields the nodes screen shows. */
    private ClusterState withRegistry(ClusterState state) {
        try {
            return state.withNodes(client.listNodes().nodes(), clock.instant());
        } catch (RbeeException e) {
            return state; // Refused (e.g. an old queen without the route): the placeholder row stays.
        }
    }

    private static String ended(SseEventStream events) {
        return events.failure().map(e -> "the event stream broke: " + e.getMessage())
                .orElse("queen closed the event stream");
    }

    private void publish(ClusterState state, ConnectionState connection) {
        latest = new ClusterUpdate(state, connection);
        out.offer(latest);
    }

    /** Waits out the backoff; true when {@link #close()} ended the wait. */
    private boolean pause(Duration delay) {
        try {
            return closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Closing a stream that is already breaking may fail too; the watcher is stopping either way. */
    private static void closeQuietly(SseResponse response) {
        try {
            response.events().close();
        } catch (UncheckedIOException alreadyBroken) {
            // The read on the watcher's thread ends either way, which is all close() needs.
        }
    }

    private boolean isClosing() {
        return closing.getCount() == 0 || Thread.currentThread().isInterrupted();
    }

    /**
     * Stops following: aborts a blocked read by closing the stream, wakes a backoff wait, and waits for the thread to
     * end, so no thread is left behind. A delivery already queued on the listener's executor may still run.
     */
    @Override
    public void close() {
        closing.countDown();
        SseResponse response = current;
        if (response != null) {
            closeQuietly(response);
        }
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("The cluster watcher's thread did not end within " + JOIN_TIMEOUT);
        }
    }
}
