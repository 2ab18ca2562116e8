package dev.rbee.queen.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.queen.HeartbeatWorker;
import dev.rbee.contract.queen.QWorker;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerDirectoryTest {
    private static HeartbeatWorker beat(String id, String model, String state, int busy) {
        return beat(id, model, state, busy, 1);
    }

    private static HeartbeatWorker beat(String id, String model, String state, int busy, int slots) {
        return new HeartbeatWorker(id, "http://127.0.0.1:1", model, model, "cpu", 0, state, slots, busy, 0L, null);
    }

    /** A full worker stays a candidate, last: the job retries it instead of spawning a duplicate (S024). */
    @Test
    void workersOfTheSameModelAreCandidatesIdleFirstThenFreeSlotsThenFull() {
        WorkerDirectory directory = new WorkerDirectory();
        directory.replaceNode("localhost", List.of(beat("worker-0001", "demo:tiny", "busy", 1),
                beat("worker-0002", "demo:tiny", "idle", 0), beat("worker-0003", "file:/m.gguf", "idle", 0),
                beat("worker-0004", "demo:tiny", "loading", 0), beat("worker-0005", "demo:tiny", "busy", 1, 2)));
        List<QWorker> candidates = directory.candidates("localhost", "demo:tiny", null, null);
        assertEquals(List.of("worker-0002", "worker-0005", "worker-0001"),
                candidates.stream().map(QWorker::workerId).toList());
        assertTrue(directory.candidates("localhost", "demo:tiny", "cuda", null).isEmpty());
        assertTrue(directory.candidates("other", "demo:tiny", null, null).isEmpty());
    }

    /** S159: of two idle workers, the one on the lower device is offered the job first, whatever their ids. */
    @Test
    void equalCandidatesAreOrderedByDevice() {
        WorkerDirectory directory = new WorkerDirectory();
        directory.replaceNode("localhost", List.of(
                new HeartbeatWorker("worker-0001", "http://127.0.0.1:1", "demo:tiny", "demo:tiny", "cuda", 1, "idle",
                        1, 0, 0L, null),
                new HeartbeatWorker("worker-ffff", "http://127.0.0.1:2", "demo:tiny", "demo:tiny", "cuda", 0, "idle",
                        1, 0, 0L, null)));
        assertEquals(List.of("worker-ffff", "worker-0001"), directory.candidates("localhost", "demo:tiny", "cuda",
                null).stream().map(QWorker::workerId).toList());
    }

    @Test
    void aLoadingWorkerOfTheModelIsFoundSoAJobCanWaitForIt() {
        WorkerDirectory directory = new WorkerDirectory();
        directory.replaceNode("localhost", List.of(beat("worker-0001", "demo:tiny", "loading", 0)));
        assertEquals("worker-0001", directory.loading("localhost", "demo:tiny", null, null).orElseThrow().workerId());
        assertTrue(directory.loading("localhost", "file:/x.gguf", null, null).isEmpty());
        assertTrue(directory.candidates("localhost", "demo:tiny", null, null).isEmpty(), "not routable while loading");
    }

    @Test
    void aHeartbeatReplacesTheNodesWorkers() {
        WorkerDirectory directory = new WorkerDirectory();
        directory.replaceNode("localhost", List.of(beat("worker-0001", "demo:tiny", "idle", 0)));
        directory.replaceNode("localhost", List.of(beat("worker-0002", "demo:tiny", "idle", 0)));
        assertEquals(List.of("worker-0002"), directory.list(null).stream().map(QWorker::workerId).toList());
        directory.replaceNode("localhost", List.of());
        assertTrue(directory.list("localhost").isEmpty());
    }
}
