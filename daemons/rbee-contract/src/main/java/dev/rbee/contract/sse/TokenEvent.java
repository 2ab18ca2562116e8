package dev.rbee.contract.sse;

/** {@code t} may be "" while a UTF-8 sequence is incomplete; {@code i} counts 0, 1, 2 … without gaps. */
public record TokenEvent(String t, int i) implements SseEvent {

    @Override
    public String eventType() {
        return EventType.TOKEN;
    }
}
