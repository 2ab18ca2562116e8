package dev.rbee.queen.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.HeartbeatWorker;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.WorkerEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.queen.events.ClusterEvents;
import dev.rbee.queen.events.EventSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerDirectoryEventsTest {
    private final Json json = new Json();
    private final ClusterEvents events = new ClusterEvents(json, 10_000);
    private final WorkerDirectory directory = new WorkerDirectory(events);

    private static HeartbeatWorker beat(String id, String state) {
        return new HeartbeatWorker(id, "http://127.0.0.1:1", "demo:tiny", "demo:tiny", "cpu", 0, state, 1, 0, 0L, null);
    }

    /** What a watcher of S170 sees: loading, idle, busy while queen relays a job, idle, removed; no repeats. */
    @Test
    void eachVisibleChangeIsOneWorkerEvent() throws Exception {
        List<String> frames = new ArrayList<>();
        var subscriber = events.subscribe(() -> new SnapshotEvent(List.of(), List.of(), List.of(), List.of()),
                new EventSink() {
                    public void data(String frame) {
                        frames.add(frame);
                    }

                    public void keepAlive() {
                    }

                    public void done() {
                    }

                    public void abort() {
                    }
                });
        directory.replaceNode("localhost", List.of(beat("worker-0001", "loading")));
        directory.replaceNode("localhost", List.of(beat("worker-0001", "loading")));
        directory.replaceNode("localhost", List.of(beat("worker-0001", "idle")));
        directory.jobStarted("worker-0001");
        directory.replaceNode("localhost", List.of(beat("worker-0001", "idle"))); // the hive does not know busy
        directory.jobEnded("worker-0001");
        directory.replaceNode("localhost", List.of(beat("worker-0001", "loading"))); // late; ready stays ready
        directory.replaceNode("localhost", List.of(beat("worker-0001", "error"))); // the hive keeps it 60 s
        directory.replaceNode("localhost", List.of());
        events.shutdown();
        subscriber.run();
        List<String> seen = frames.subList(1, frames.size() - 1).stream()
                .map(f -> (WorkerEvent) json.read(f, SseEvent.class))
                .map(w -> w.state() + "/" + w.slotsBusy()).toList();
        assertEquals(List.of("loading/0", "idle/0", "busy/1", "idle/0", "removed/0"), seen);
    }
}
