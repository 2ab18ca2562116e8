package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Both {@code ready} shapes: a worker's loading stream sends it empty; queen's spawn stream ends with
 * {@code {worker_id, url, node, model_ref, backend, device}} and a relayed task stream adds {@code worker_id, url}.
 */
public record ReadyEvent(
        @JsonInclude(JsonInclude.Include.NON_NULL) String workerId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) String node,
        @JsonInclude(JsonInclude.Include.NON_NULL) String modelRef,
        @JsonInclude(JsonInclude.Include.NON_NULL) String backend,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer device) implements SseEvent {

    /** The worker's own {@code {"type":"ready"}}. */
    public static ReadyEvent loaded() {
        return new ReadyEvent(null, null, null, null, null, null);
    }

    /** What queen relays in a task stream. */
    public static ReadyEvent relayed(String workerId, String url) {
        return new ReadyEvent(workerId, url, null, null, null, null);
    }

    public static ReadyEvent spawned(String workerId, String url, String node, String modelRef, String backend,
                                     int device) {
        return new ReadyEvent(workerId, url, node, modelRef, backend, device);
    }

    @Override
    public String eventType() {
        return EventType.READY;
    }
}
