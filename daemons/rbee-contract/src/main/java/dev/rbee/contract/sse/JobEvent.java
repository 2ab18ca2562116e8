package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rbee.contract.error.ErrorSummary;

/**
 * A job change, at most once per second per job while it runs; every state change is sent. A finished job also
 * carries why it ended: {@code stop_reason} after {@code end}, {@code error} after a failure (S170's
 * {@code job_finished {stop_reason|error}}). {@code worker_id} is there once the job is dispatched, so a board can
 * show which worker runs it (api.md lists it on the Job record; the event carries it too).
 */
public record JobEvent(
        String jobId,
        String node,
        String model,
        @JsonInclude(JsonInclude.Include.NON_NULL) String workerId,
        String state,
        int tokensOut,
        @JsonInclude(JsonInclude.Include.NON_NULL) StopReason stopReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) ErrorSummary error) implements SseEvent {

    @Override
    public String eventType() {
        return EventType.JOB;
    }
}
