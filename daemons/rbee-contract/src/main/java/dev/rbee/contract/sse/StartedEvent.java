package dev.rbee.contract.sse;

/** First inference event: {@code model} is the request's model ref, {@code seed} the seed actually used. */
public record StartedEvent(String jobId, String model, String node, String workerId, String startedAt, Long seed)
        implements SseEvent {

    @Override
    public String eventType() {
        return EventType.STARTED;
    }
}
