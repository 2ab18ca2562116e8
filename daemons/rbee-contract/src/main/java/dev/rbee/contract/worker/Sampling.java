package dev.rbee.contract.worker;

import java.util.List;

/** Sampling parameters after defaults (api.md §5.6); {@code seed} null means "draw one and report it". */
public record Sampling(
        int maxTokens,
        double temperature,
        double topP,
        int topK,
        double minP,
        double repetitionPenalty,
        Long seed,
        List<String> stop) {
    public static final int DEFAULT_MAX_TOKENS = 100;
    public static final double DEFAULT_TEMPERATURE = 0.7;
    public static final double DEFAULT_TOP_P = 1.0;
    public static final int DEFAULT_TOP_K = 0;
    public static final double DEFAULT_MIN_P = 0.0;
    public static final double DEFAULT_REPETITION_PENALTY = 1.0;

    public Sampling {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    static Sampling withDefaults(Integer maxTokens, Double temperature, Double topP, Integer topK, Double minP,
                                 Double repetitionPenalty, Long seed, List<String> stop) {
        return new Sampling(
                maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens,
                temperature == null ? DEFAULT_TEMPERATURE : temperature,
                topP == null ? DEFAULT_TOP_P : topP,
                topK == null ? DEFAULT_TOP_K : topK,
                minP == null ? DEFAULT_MIN_P : minP,
                repetitionPenalty == null ? DEFAULT_REPETITION_PENALTY : repetitionPenalty,
                seed,
                stop);
    }
}
