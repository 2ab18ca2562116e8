package dev.rbee.contract.sse;

/** Sent once just before {@code end}. */
public record MetricsEvent(double tokensPerSec, long timeToFirstTokenMs) implements SseEvent {

    @Override
    public String eventType() {
        return EventType.METRICS;
    }
}
