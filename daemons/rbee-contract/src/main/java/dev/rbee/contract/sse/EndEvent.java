package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Terminal inference event; {@code stop_sequence_matched} only appears with {@link StopReason#STOP_SEQUENCE}. */
public record EndEvent(
        int tokensOut,
        long decodeTimeMs,
        StopReason stopReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stopSequenceMatched) implements SseEvent {

    public static EndEvent of(int tokensOut, long decodeTimeMs, StopReason stopReason) {
        return new EndEvent(tokensOut, decodeTimeMs, stopReason, null);
    }

    @Override
    public String eventType() {
        return EventType.END;
    }
}
