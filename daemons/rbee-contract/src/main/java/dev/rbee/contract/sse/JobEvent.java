package dev.rbee.contract.sse;

/** A job change, at most once per second per job. */
public record JobEvent(String jobId, String node, String model, String state, int tokensOut) implements SseEvent {

    @Override
    public String eventType() {
        return EventType.JOB;
    }
}
