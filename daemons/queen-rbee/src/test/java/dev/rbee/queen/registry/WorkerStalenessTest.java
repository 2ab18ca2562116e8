package dev.rbee.queen.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.HeartbeatWorker;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.queen.events.ClusterEvents;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Stale entries over time (api.md §5.5, S140, S141, S147), on a clock the test moves. */
class WorkerStalenessTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final WorkerDirectory directory = new WorkerDirectory(
            new ClusterEvents(new Json(), ClusterEvents.DEFAULT_KEEP_ALIVE_MS), nanos::get);

    private void after(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    private void heartbeat(String state) {
        directory.replaceNode("localhost", List.of(new HeartbeatWorker("worker-0001", "http://127.0.0.1:1",
                "demo:tiny", "demo:tiny", "cpu", 0, state, 1, "busy".equals(state) ? 1 : 0, 0L, null)));
    }

    private QWorker worker() {
        return directory.find("worker-0001").orElseThrow();
    }

    private boolean listed() {
        return directory.find("worker-0001").isPresent();
    }

    @Test
    void anIdleEntryIsStaleAfter15SecondsAndRemovedAfter120() {
        heartbeat("idle");
        after(15_000);
        assertFalse(worker().stale(), "stale only after 15 s");
        after(1);
        assertTrue(worker().stale());
        assertTrue(directory.candidates("localhost", "demo:tiny", null, null).isEmpty(), "a stale entry is not routed");
        after(120_000 - 15_001 - 1);
        directory.sweep();
        assertTrue(listed(), "kept until 120 s");
        after(1);
        directory.sweep();
        assertFalse(listed());
    }

    @Test
    void aStaleBusyWorkerKeepsItsJobAndLeavesWhenTheJobEnds() {
        heartbeat("idle");
        directory.jobStarted("worker-0001");
        after(200_000);
        directory.sweep();
        assertTrue(worker().stale());
        assertEquals("busy", worker().state(), "queen still relays its job");
        directory.jobEnded("worker-0001");
        assertFalse(listed(), "heartbeats still missing when the job ended");
    }

    @Test
    void aStaleBusyWorkerIsRemovedAfterFiveMinutesEvenWhileItsJobRuns() {
        heartbeat("idle");
        directory.jobStarted("worker-0001");
        after(299_999);
        directory.sweep();
        assertTrue(listed());
        after(1);
        directory.sweep();
        assertFalse(listed());
    }

    @Test
    void resumedHeartbeatsBringAStaleBusyWorkerBackAndItEndsIdle() {
        heartbeat("idle");
        directory.jobStarted("worker-0001");
        after(20_000);
        assertTrue(worker().stale());
        heartbeat("busy");
        assertFalse(worker().stale());
        directory.jobEnded("worker-0001");
        heartbeat("idle");
        assertEquals("idle", worker().state());
        assertEquals(1, directory.candidates("localhost", "demo:tiny", null, null).size());
    }

    @Test
    void drainingIsNeverUndoneByAHeartbeatThatStillSaysReadyButTheHeartbeatCounts() {
        heartbeat("busy");
        String before = worker().lastHeartbeatAt();
        after(16_000);
        directory.draining("worker-0001");
        assertEquals(before, worker().lastHeartbeatAt(), "draining is queen's change, not a heartbeat");
        heartbeat("idle");
        assertEquals("draining", worker().state());
        assertFalse(worker().stale(), "the heartbeat refreshed it");
        assertTrue(directory.candidates("localhost", "demo:tiny", null, null).isEmpty());
    }
}
