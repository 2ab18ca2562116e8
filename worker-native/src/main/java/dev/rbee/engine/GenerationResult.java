package dev.rbee.engine;

/** How a generation ended; times are wall-clock nanoseconds measured by the engine. */
public record GenerationResult(int tokensOut, StopReason stopReason, String stopSequenceMatched, long decodeNanos,
                               long firstTokenNanos) {
}
