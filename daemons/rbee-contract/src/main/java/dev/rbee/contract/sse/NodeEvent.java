package dev.rbee.contract.sse;

/** A registry change; {@code action} is {@code added}, {@code updated} or {@code removed}. */
public record NodeEvent(String nodeName, String action) implements SseEvent {
    public static final String ADDED = "added";
    public static final String UPDATED = "updated";
    public static final String REMOVED = "removed";

    @Override
    public String eventType() {
        return EventType.NODE;
    }
}
