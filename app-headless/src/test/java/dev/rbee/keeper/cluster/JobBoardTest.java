package dev.rbee.keeper.cluster;

import static dev.rbee.keeper.cluster.Wire.event;
import static dev.rbee.keeper.cluster.Wire.jobEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.sse.StopReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobBoardTest {
    private static final Instant T0 = Instant.parse("2026-11-27T20:00:00Z");

    private static ClusterState empty() {
        return ClusterState.empty(T0);
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void aJobGoesFromProvisioningThroughRunningIntoTheRecentList() {
        ClusterState s = empty().apply(event(jobEvent("j1", "provisioning", 0)), at(0));
        assertNull(s.activeJobs().getFirst().job().startedAt());
        s = s.apply(event(jobEvent("j1", "running", 0)), at(500));
        assertEquals(at(500).toString(), s.activeJobs().getFirst().job().startedAt());
        s = s.apply(event("{'type':'job','job_id':'j1','node':'localhost','model':'demo:tiny','state':'completed',"
                + "'tokens_out':20,'stop_reason':'MAX_TOKENS'}"), at(2500));
        assertTrue(s.activeJobs().isEmpty());
        TrackedJob done = s.recentJobs().getFirst();
        assertEquals(20, done.job().tokensOut());
        assertEquals(StopReason.MAX_TOKENS, done.job().stopReason());
        assertEquals(Duration.ofSeconds(2), done.elapsedAt(at(60_000)));
    }

    @Test
    void theWorkerOfADispatchedJobIsKeptFromItsEvents() {
        ClusterState s = empty().apply(event(jobEvent("j1", "provisioning", 0)), at(0));
        assertNull(s.activeJobs().getFirst().job().workerId());
        s = s.apply(event("{'type':'job','job_id':'j1','node':'localhost','model':'demo:tiny',"
                + "'worker_id':'worker-1','state':'running','tokens_out':2}"), at(100));
        assertEquals("worker-1", s.activeJobs().getFirst().job().workerId());
        s = s.apply(event(jobEvent("j1", "running", 9)), at(1100));
        assertEquals("worker-1", s.activeJobs().getFirst().job().workerId(), "an event without it keeps it");
    }

    @Test
    void aLateEventForAFinishedJobChangesNothing() {
        ClusterState s = empty().apply(event(jobEvent("j1", "running", 3)), at(0))
                .apply(event(jobEvent("j1", "cancelled", 5)), at(100));
        assertSame(s, s.apply(event(jobEvent("j1", "running", 4)), at(200)));
    }

    @Test
    void aFailedJobKeepsItsError() {
        ClusterState s = empty().apply(event("{'type':'job','job_id':'j1','node':'localhost','model':'demo:tiny',"
                + "'state':'failed','tokens_out':0,'error':{'code':'WORKER_CRASHED','message':'gone'}}"), at(0));
        assertEquals("WORKER_CRASHED", s.recentJobs().getFirst().job().error().code());
    }

    @Test
    void tokensPerSecondComesFromTokenDeltasOverTime() {
        ClusterState s = empty()
                .apply(event(jobEvent("a", "running", 0)), at(0))
                .apply(event(jobEvent("b", "running", 0)), at(0))
                .apply(event(jobEvent("a", "running", 10)), at(1000))
                .apply(event(jobEvent("b", "running", 5)), at(500));
        assertEquals(10 + 10, s.tokensPerSecondAt(at(1000)), 1e-9);
        s = s.apply(event(jobEvent("a", "running", 15)), at(2000));
        assertEquals(5 + 10, s.tokensPerSecondAt(at(2000)), 1e-9);
    }

    @Test
    void aSilentOrFinishedJobAddsNoSpeed() {
        ClusterState s = empty().apply(event(jobEvent("a", "running", 0)), at(0))
                .apply(event(jobEvent("a", "running", 8)), at(1000));
        assertEquals(8, s.tokensPerSecondAt(at(3999)), 1e-9);
        assertEquals(0, s.tokensPerSecondAt(at(4001)), 1e-9);
        s = s.apply(event(jobEvent("a", "completed", 9)), at(1200));
        assertEquals(0, s.tokensPerSecondAt(at(1200)), 1e-9);
    }

    @Test
    void twoEventsAtTheSameInstantKeepTheLastSpeed() {
        ClusterState s = empty().apply(event(jobEvent("a", "running", 0)), at(0))
                .apply(event(jobEvent("a", "running", 6)), at(1000))
                .apply(event(jobEvent("a", "running", 6)), at(1000));
        assertEquals(6, s.tokensPerSecondAt(at(1000)), 1e-9);
    }

    @Test
    void theHistoryKeepsTheNewestFinishedJobsOnly() {
        ClusterState s = empty();
        for (int i = 0; i < JobBoard.RECENT_LIMIT + 10; i++) {
            s = s.apply(event(jobEvent("j" + i, "completed", i)), at(i));
        }
        assertEquals(JobBoard.RECENT_LIMIT, s.recentJobs().size());
        assertEquals("j" + (JobBoard.RECENT_LIMIT + 9), s.recentJobs().getFirst().job().jobId());
    }

    @Test
    void activeJobsKeepTheirOrder() {
        ClusterState s = empty().apply(event(jobEvent("a", "running", 0)), at(0))
                .apply(event(jobEvent("b", "provisioning", 0)), at(1))
                .apply(event(jobEvent("a", "running", 3)), at(2));
        assertEquals("a", s.activeJobRecords().get(0).jobId());
        assertEquals("b", s.activeJobRecords().get(1).jobId());
    }
}
