package dev.rbee.contract.worker;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /v1/ready}; {@code progress_url} only while loading (absolute URL). */
public record ReadyResponse(
        boolean ready,
        String state,
        @JsonInclude(JsonInclude.Include.NON_NULL) String progressUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean modelLoaded,
        int slotsTotal,
        int slotsBusy,
        String lastActivityAt) {
}
