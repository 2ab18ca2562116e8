package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event whose {@code type} this build does not know (or that has none). Clients skip it (api.md §4); relays
 * forward its raw JSON from {@link SseEventStream.Received#json()}. Its own type info is off so that writing it
 * alone gives back {@code {"type":"<its type>"}} and not a type id made from the class name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
public record UnknownEvent(String type) implements SseEvent {

    @Override
    public String eventType() {
        return type;
    }
}
