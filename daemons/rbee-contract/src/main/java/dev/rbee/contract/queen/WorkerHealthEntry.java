package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One worker of {@code GET /v2/workers/health}, as the hive reports it live. */
public record WorkerHealthEntry(
        String workerId,
        String state,
        boolean ready,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long lastHeartbeatUnix) {
}
