package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Terminal inference event; {@code stop_sequence_matched} only appears with {@link StopReason#STOP_SEQUENCE}.
 * {@code tokens_per_sec} repeats the decode speed of the {@code metrics} event, so a client that keeps only the
 * terminal event still has it.
 */
public record EndEvent(
        int tokensOut,
        long decodeTimeMs,
        StopReason stopReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stopSequenceMatched,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double tokensPerSec) implements SseEvent {

    public static EndEvent of(int tokensOut, long decodeTimeMs, StopReason stopReason) {
        return new EndEvent(tokensOut, decodeTimeMs, stopReason, null, null);
    }

    @Override
    public String eventType() {
        return EventType.END;
    }
}
