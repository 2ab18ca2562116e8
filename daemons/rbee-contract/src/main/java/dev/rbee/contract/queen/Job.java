package dev.rbee.contract.queen;

import dev.rbee.contract.error.ErrorSummary;
import dev.rbee.contract.sse.StopReason;

/** A task as queen tracks it (api.md §5.1); finished jobs stay visible for 10 minutes. */
public record Job(
        String jobId,
        String node,
        String model,
        String workerId,
        String state,
        int tokensOut,
        String createdAt,
        String startedAt,
        String endedAt,
        StopReason stopReason,
        ErrorSummary error) {
}
