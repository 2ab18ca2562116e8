package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Terminal inference event; {@code stop_sequence_matched} only appears with {@link StopReason#STOP_SEQUENCE}.
 * {@code tokens_per_sec} repeats the decode speed of the {@code metrics} event, so a client that keeps only the
 * terminal event still has it. {@code prompt_tokens} (not in api.md's table; the OpenAI {@code usage} needs it) says
 * how much of the context the prompt took.
 */
public record EndEvent(
        int tokensOut,
        long decodeTimeMs,
        StopReason stopReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stopSequenceMatched,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double tokensPerSec,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer promptTokens) implements SseEvent {

    public static EndEvent of(int tokensOut, long decodeTimeMs, StopReason stopReason) {
        return new EndEvent(tokensOut, decodeTimeMs, stopReason, null, null, null);
    }

    @Override
    public String eventType() {
        return EventType.END;
    }
}
