package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A hive state change ({@code HiveState}); {@code version} when known. */
public record HiveEvent(String node, String state, @JsonInclude(JsonInclude.Include.NON_NULL) String version) implements SseEvent {

    @Override
    public String eventType() {
        return EventType.HIVE;
    }
}
