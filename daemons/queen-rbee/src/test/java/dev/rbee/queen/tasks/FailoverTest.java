package dev.rbee.queen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.queen.QWorker;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverTest {
    private static QWorker worker(String id, int device, String state, int busy, int slots) {
        return new QWorker(id, "localhost", "http://127.0.0.1:" + (8001 + device), "demo:tiny", "demo:tiny", "cuda",
                device, state, slots, busy, 0L, "2026-11-27T00:00:00Z", false);
    }

    @Test
    void theRetryGoesToAnotherWorkerWithAFreeSlotInTheCandidatesOrder() {
        QWorker crashed = worker("worker-000a", 0, "busy", 1, 1);
        QWorker idle = worker("worker-000b", 1, "idle", 0, 1);
        QWorker roomy = worker("worker-000c", 2, "busy", 1, 2);
        QWorker full = worker("worker-000d", 3, "busy", 1, 1);
        List<QWorker> targets = Failover.targets(List.of(crashed, idle, roomy, full), "worker-000a");
        assertEquals(List.of("worker-000b", "worker-000c"), targets.stream().map(QWorker::workerId).toList());
    }

    /** api.md §10: with no other worker free now the crash is the job's WORKER_FAILED (no wait, no spawn). */
    @Test
    void withoutAnotherFreeWorkerThereIsNoRetry() {
        QWorker crashed = worker("worker-000a", 0, "idle", 0, 1);
        assertTrue(Failover.targets(List.of(crashed), "worker-000a").isEmpty());
        assertTrue(Failover.targets(List.of(crashed, worker("worker-000d", 1, "busy", 1, 1)), "worker-000a")
                .isEmpty());
        assertTrue(Failover.targets(List.of(worker("worker-000e", 1, "loading", 0, 1)), "worker-000a").isEmpty());
    }

    @Test
    void theNarrationNamesBothWorkersAndFitsTheNarrationLimit() {
        String text = Failover.narration(worker("worker-3b1e", 0, "idle", 0, 1), worker("worker-9c2d", 1, "idle", 0,
                1));
        assertEquals("Worker worker-3b1e crashed before the first token; retrying on worker-9c2d", text);
        assertTrue(text.length() <= 100);
    }
}
