package dev.rbee.queen.events;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.NodeEvent;
import dev.rbee.contract.sse.ShutdownEvent;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.Sse;
import dev.rbee.contract.sse.SseEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queen's change feed for {@code GET /v2/events} (api.md §5.7). Every state change that is published runs under one
 * lock together with its publication, and a subscriber's snapshot is taken under that lock too: a watcher sees each
 * change exactly once, either inside its snapshot or as an event after it, never both and never neither.
 */
public final class ClusterEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEvents.class);
    static final int QUEUE_CAPACITY = 1024;
    public static final long DEFAULT_KEEP_ALIVE_MS = Sse.KEEP_ALIVE_IDLE_MS;

    private final Object lock = new Object();
    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Json json;
    private final long keepAliveMillis;
    private boolean shutDown;

    public ClusterEvents(Json json, long keepAliveMillis) {
        this.json = json;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Runs a state change and publishes the events it returns, atomically with respect to snapshots. */
    public <E extends SseEvent> void change(Supplier<List<E>> mutation) {
        synchronized (lock) {
            for (SseEvent event : mutation.get()) {
                String frame = json.write(event);
                subscribers.forEach(s -> s.offer(frame));
            }
        }
    }

    public void publish(SseEvent event) {
        change(() -> List.of(event));
    }

    /** Hook for the node registry: a node was added, updated or removed ({@link NodeEvent} actions). */
    public void nodeChanged(String nodeName, String action) {
        publish(new NodeEvent(nodeName, action));
    }

    /** A new watcher: its first frame is the snapshot, taken under the publication lock. */
    public EventSubscriber subscribe(Supplier<SnapshotEvent> snapshot, EventSink sink) {
        EventSubscriber subscriber = new EventSubscriber(sink, QUEUE_CAPACITY, keepAliveMillis);
        synchronized (lock) {
            subscriber.offer(json.write(snapshot.get()));
            if (shutDown) {
                subscriber.offer(json.write(new ShutdownEvent()));
                subscriber.offer(EventSubscriber.END);
            } else {
                subscribers.add(subscriber);
            }
        }
        return subscriber;
    }

    public void unsubscribe(EventSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** Queen is stopping: every watcher gets the terminal {@code shutdown} and {@code [DONE]}. */
    public void shutdown() {
        synchronized (lock) {
            shutDown = true;
            String frame = json.write(new ShutdownEvent());
            for (EventSubscriber s : subscribers) {
                s.offer(frame);
                s.offer(EventSubscriber.END);
            }
            subscribers.clear();
        }
    }

    /**
     * Disconnects every watcher whose write has been blocked for {@code limitNanos} (60 s, S171) or whose queue
     * overflowed; a reconnect gets a fresh snapshot, which is the only way back to a consistent view.
     */
    public void dropStuck(long limitNanos) {
        for (EventSubscriber s : subscribers) {
            if (s.blockedNanos() >= limitNanos || s.overflowed()) {
                LOG.warn("Disconnecting a /v2/events client: {}", s.overflowed()
                        ? "it fell " + QUEUE_CAPACITY + " events behind" : "no write possible for 60 s");
                subscribers.remove(s);
                s.drop();
            }
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }
}
