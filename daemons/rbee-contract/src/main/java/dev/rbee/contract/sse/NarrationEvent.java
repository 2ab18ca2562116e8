package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Human-readable progress; {@code human} is at most 100 characters (api.md §4). */
public record NarrationEvent(
        String actor,
        String action,
        String human,
        @JsonInclude(JsonInclude.Include.NON_NULL) String jobId) implements SseEvent {
    public static final int MAX_HUMAN_LENGTH = 100;

    public static NarrationEvent of(String actor, String action, String human) {
        return new NarrationEvent(actor, action, human, null);
    }

    @Override
    public String eventType() {
        return EventType.NARRATION;
    }
}
