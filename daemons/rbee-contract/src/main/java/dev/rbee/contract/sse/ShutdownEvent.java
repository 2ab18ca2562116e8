package dev.rbee.contract.sse;

/** Terminal event of the cluster event stream: queen is stopping. */
public record ShutdownEvent() implements SseEvent {

    @Override
    public String eventType() {
        return EventType.SHUTDOWN;
    }
}
