package dev.rbee.engine;

/**
 * How a generation ended; times are wall-clock nanoseconds measured by the engine. {@code promptTokens} is the
 * prompt's length in tokens (BOS included), so a caller can tell how much of the context the job used.
 */
public record GenerationResult(int tokensOut, StopReason stopReason, String stopSequenceMatched, long decodeNanos,
                               long firstTokenNanos, int promptTokens) {
}
