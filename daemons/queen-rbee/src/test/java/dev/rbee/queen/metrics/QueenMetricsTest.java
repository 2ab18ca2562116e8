package dev.rbee.queen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.error.ErrorSummary;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.queen.registry.WorkerDirectory;
import dev.rbee.queen.tasks.FinishedJob;
import dev.rbee.queen.tasks.JobRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueenMetricsTest {
    private final QueenMetrics metrics = new QueenMetrics(
            new JobRegistry(new dev.rbee.queen.events.ClusterEvents(new dev.rbee.contract.json.Json(), 0)),
            new WorkerDirectory(),
            () -> List.of(new HiveSnapshot("localhost", "running", List.of(new HiveSnapshot.Gpu("cuda:0", 24, 20)))));

    private static Job job(String state, int tokens, String errorCode) {
        return new Job("job-000001", "localhost", "demo:tiny", null, state, tokens, "t", null, "t",
                "completed".equals(state) ? StopReason.MAX_TOKENS : null,
                errorCode == null ? null : new ErrorSummary(errorCode, "x"));
    }

    @Test
    void endedJobsFeedOutcomesTokensHistogramsAndDownloads() {
        metrics.jobFinished(new FinishedJob(job("completed", 5, null), 0.3, 0.02, "completed"));
        metrics.jobFinished(new FinishedJob(job("completed", 7, null), 2.0, 0.2, null));
        metrics.jobFinished(new FinishedJob(job("failed", 0, "MODEL_NOT_FOUND"), null, null, null));
        metrics.jobFinished(new FinishedJob(job("failed", 2, "CANCELLED"), 0.1, 0.01, null));
        metrics.request("/v2/tasks/{job_id}", 404);
        metrics.request("/v2/tasks/{job_id}", 404);
        String text = metrics.scrape();
        for (String line : List.of("rbee_tasks_total{outcome=\"completed\"} 2", "rbee_tasks_total{outcome=\"failed\"} 1",
                "rbee_tasks_total{outcome=\"cancelled\"} 1",
                "rbee_tokens_generated_total{node=\"localhost\",model=\"demo:tiny\"} 14",
                "rbee_inference_duration_seconds_count 3", "rbee_time_to_first_token_seconds_bucket{le=\"0.05\"} 2",
                "rbee_model_downloads_total{node=\"localhost\",outcome=\"completed\"} 1",
                "rbee_http_requests_total{route=\"/v2/tasks/{job_id}\",status=\"404\"} 2",
                "rbee_hives{state=\"running\"} 1", "rbee_vram_bytes{node=\"localhost\",device=\"cuda:0\",kind=\"total\"} 24",
                "rbee_vram_bytes{node=\"localhost\",device=\"cuda:0\",kind=\"free\"} 20", "rbee_tasks_active 0",
                "rbee_queue_size 0", "rbee_build_info{version=\"0.1.0\"} 1")) {
            assertTrue(text.contains(line + "\n"), () -> line + " missing in\n" + text);
        }
    }

    @Test
    void aCallerWhoLeftCountsAsCanceled() {
        assertEquals("cancelled", QueenMetrics.outcome(job("failed", 0, "CANCELLED")));
        assertEquals("cancelled", QueenMetrics.outcome(job("cancelled", 0, null)));
        assertEquals("failed", QueenMetrics.outcome(job("failed", 0, "WORKER_FAILED")));
    }
}
