package dev.rbee.engine;

import java.util.List;

/** Sampling parameters with their defaults already applied (see api.md §5.6). */
public record GenerationRequest(String prompt, int maxTokens, double temperature, double topP, int topK, double minP,
                                double repetitionPenalty, long seed, List<String> stop) {
    public GenerationRequest {
        stop = List.copyOf(stop);
    }
}
