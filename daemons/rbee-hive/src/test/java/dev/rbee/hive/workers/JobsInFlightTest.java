package dev.rbee.hive.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobsInFlightTest {
    @Test
    void aJobStartedAndNeverEndedIsInFlight() {
        assertEquals(List.of("job-3c9a1f"), JobsInFlight.open(List.of(
                "12:00:01 INFO Job job-111111 started (seed 4)",
                "12:00:02 INFO Job job-111111 ended: 20 tokens, MAX_TOKENS",
                "12:00:03 INFO job job-222222 started (seed 5)",
                "12:00:04 INFO job job-222222 cancelled (client disconnected) after 3 tokens",
                "12:00:05 INFO Job job-3c9a1f started (seed 6)",
                "12:00:06 INFO Generated 10 tokens")));
    }

    @Test
    void aFailedJobIsNoLongerInFlightAndAnIdleWorkerHasNone() {
        assertEquals(List.of(), JobsInFlight.open(List.of(
                "Job my-job started (seed 1)", "Job my-job failed: engine error")));
        assertEquals(List.of(), JobsInFlight.open(List.of("Model loaded in 120 ms")));
    }
}
