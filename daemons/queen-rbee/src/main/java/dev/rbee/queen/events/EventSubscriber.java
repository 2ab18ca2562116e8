package dev.rbee.queen.events;

import dev.rbee.daemon.ClientGoneException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One watcher of {@code /v2/events}. Publishers only put frames on its bounded queue, never write, so a client that
 * stops reading holds up nothing but its own writer (the request's thread, running {@link #run()}).
 */
public final class EventSubscriber {
    /** Queue marker for "write {@code [DONE]} and end"; compared by identity. */
    static final String END = new String("[DONE]");

    private final BlockingQueue<String> queue;
    private final EventSink sink;
    private final long keepAliveMillis;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private volatile long writeStartedNanos;
    private volatile boolean overflowed;

    EventSubscriber(EventSink sink, int capacity, long keepAliveMillis) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Never blocks; a full queue means the client has fallen hopelessly behind, and it will be disconnected. */
    void offer(String frame) {
        if (!queue.offer(frame)) {
            overflowed = true;
        }
    }

    /** Frames leave in the order they were offered; a keep-alive after each idle period; returns when done. */
    public void run() throws ClientGoneException, InterruptedException {
        while (!dropped.get()) {
            String frame = queue.poll(keepAliveMillis, TimeUnit.MILLISECONDS);
            writeStartedNanos = System.nanoTime();
            try {
                if (frame == null) {
                    sink.keepAlive();
                } else if (frame == END) {
                    sink.done();
                    return;
                } else {
                    sink.data(frame);
                }
            } finally {
                writeStartedNanos = 0;
            }
        }
        throw new ClientGoneException(null);
    }

    /** How long the current write has been blocked, 0 when none is under way. */
    long blockedNanos() {
        long started = writeStartedNanos;
        return started == 0 ? 0 : System.nanoTime() - started;
    }

    boolean overflowed() {
        return overflowed;
    }

    /** Ends this subscriber: its writer stops and a blocked write fails. */
    void drop() {
        if (dropped.compareAndSet(false, true)) {
            sink.abort();
            queue.clear();
            queue.offer(END); // wakes a writer waiting for frames
        }
    }

    boolean isDropped() {
        return dropped.get();
    }
}
