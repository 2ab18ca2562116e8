package dev.rbee.contract.sse;

/** Terminal event of a log stream. */
public record EofEvent(String reason) implements SseEvent {
    public static final String TAIL_COMPLETE = "tail_complete";
    public static final String SOURCE_STOPPED = "source_stopped";

    @Override
    public String eventType() {
        return EventType.EOF;
    }
}
