package dev.rbee.contract.sse;

/** Why generation ended ({@code end.stop_reason}); written by name. */
public enum StopReason {
    MAX_TOKENS,
    EOS,
    STOP_SEQUENCE,
    CANCELLED;

    /** OpenAI {@code finish_reason} (api.md §5.8). */
    public String finishReason() {
        return this == MAX_TOKENS ? "length" : "stop";
    }
}
