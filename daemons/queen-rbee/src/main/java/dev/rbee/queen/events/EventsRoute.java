package dev.rbee.queen.events;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.SseChannel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code GET /v2/events}: the snapshot, then every change, until the client leaves or queen stops. */
public final class EventsRoute {
    /** How long queen keeps a watcher it cannot write to (S171). */
    static final long STUCK_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ClusterEvents events;
    private final Supplier<SnapshotEvent> snapshot;
    private final Json json;

    public EventsRoute(ClusterEvents events, Supplier<SnapshotEvent> snapshot, Json json,
                       ScheduledExecutorService timer) {
        this.events = events;
        this.snapshot = snapshot;
        this.json = json;
        timer.scheduleAtFixedRate(() -> events.dropStuck(STUCK_LIMIT_NANOS), 1, 1, TimeUnit.SECONDS);
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.EVENTS, this::stream);
    }

    private void stream(Context ctx) throws InterruptedException {
        EventSubscriber subscriber = null;
        try {
            SseChannel channel = SseChannel.open(ctx, json);
            subscriber = events.subscribe(snapshot, ChannelSink.open(ctx, channel));
            subscriber.run();
        } catch (ClientGoneException e) {
            // the watcher left or was disconnected: nothing to answer
        } finally {
            if (subscriber != null) {
                events.unsubscribe(subscriber);
            }
        }
    }
}
