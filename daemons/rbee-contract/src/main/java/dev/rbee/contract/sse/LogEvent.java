package dev.rbee.contract.sse;

/** One log line, verbatim without newline; {@code source} is a daemon name or a worker id. */
public record LogEvent(String node, String source, String line) implements SseEvent {

    @Override
    public String eventType() {
        return EventType.LOG;
    }
}
