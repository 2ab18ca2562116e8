package dev.rbee.keeper.cluster;

import dev.rbee.contract.ApiPaths;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows queen's {@code GET /v2/events} on its own thread and hands each new {@link ClusterUpdate} to a listener
 * through an executor (the desktop passes {@code Platform::runLater}), coalesced so a slow listener only ever gets
 * the newest one. When the stream breaks or queen announces {@code shutdown} it reports DISCONNECTED, keeps the last
 * state for display, and reconnects with {@link Backoff}; every connection starts over from queen's snapshot. A
 * connection that stays silent longer than {@code silenceLimit} (queen writes a keep-alive every 10 s, api.md §4) is
 * taken for dead and cut, since a half-open TCP connection to a vanished host would otherwise block the read for ever.
 */
public final class ClusterWatcher implements AutoCloseable {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    /** Three missed keep-alives. */
    public static final Duration SILENCE_LIMIT = Duration.ofSeconds(30);

    private final QueenClient client;
    private final InstantSource clock;
    private final Backoff backoff;
    private final Duration silenceLimit;
    private final ScheduledExecutorService watchdog;
    private final Coalescer<ClusterUpdate> out;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile SseResponse current;
    private volatile ClusterUpdate latest;
    private volatile Instant lastHeard;
    private volatile boolean cutForSilence;

    public ClusterWatcher(QueenClient client, Executor executor, Consumer<ClusterUpdate> listener,
                          InstantSource clock, Backoff backoff, Duration silenceLimit) {
        this.client = client;
        this.clock = clock;
        this.backoff = backoff;
        this.silenceLimit = silenceLimit;
        this.lastHeard = clock.instant();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("rbee-cluster-watchdog").unstarted(r));
        this.out = new Coalescer<>(executor, listener);
        this.latest = new ClusterUpdate(ClusterState.empty(clock.instant()), ConnectionState.CONNECTING);
        this.thread = Thread.ofPlatform().daemon().name("rbee-cluster-watcher").unstarted(this::run);
    }

    /** Starts following with the system clock and {@link Backoff#DEFAULT}. */
    public static ClusterWatcher start(QueenClient client, Executor executor, Consumer<ClusterUpdate> listener) {
        ClusterWatcher watcher = new ClusterWatcher(client, executor, listener, InstantSource.system(),
                Backoff.DEFAULT, SILENCE_LIMIT);
        watcher.start();
        return watcher;
    }

    public void start() {
        out.offer(latest);
        thread.start();
        long every = Math.max(50, silenceLimit.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(this::checkSilence, every, every, TimeUnit.MILLISECONDS);
    }

    /** The newest update, also those the listener has not been handed yet; safe from any thread. */
    public ClusterUpdate latest() {
        return latest;
    }

    /** True from {@link #start()} until {@link #close()} has ended the watcher's thread and its watchdog. */
    public boolean running() {
        return thread.getState() != Thread.State.NEW && (thread.isAlive() || !watchdog.isTerminated());
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
        cutForSilence = false;
        heard();
        try (SseResponse response = client.http().openSse("GET", ApiPaths.EVENTS, null, comment -> heard())) {
            heard();
            current = response;
            if (isClosing()) {
                return "closed";
            }
            return read(response.events());
        } catch (RbeeException | UnreachableException | UncheckedIOException e) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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
            heard();
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

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private void heard() {
        lastHeard = clock.instant();
    }

    /** On the watchdog thread: cutting the stream makes the blocked read on the watcher's thread end. */
    private void checkSilence() {
        SseResponse response = current;
        if (response != null && clock.instant().isAfter(lastHeard.plus(silenceLimit))) {
            cutForSilence = true;
            closeQuietly(response);
        }
    }

    private String ended(SseEventStream events) {
        if (cutForSilence) {
            return "no word from queen for " + describe(silenceLimit);
        }
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
        watchdog.shutdownNow();
        SseResponse response = current;
        if (response != null) {
            closeQuietly(response);
        }
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT);
            watchdog.awaitTermination(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() || !watchdog.isTerminated()) {
            throw new IllegalStateException("The cluster watcher's threads did not end within " + JOIN_TIMEOUT);
        }
    }
}
