package dev.rbee.keeper.infer;

import java.util.List;

/**
 * The options of {@code infer} as typed (cli.md §10.1): numbers stay text so that a value that is not a number is
 * reported together with every other problem instead of failing alone. Null means "not given".
 */
public record InferenceOptions(
        String node,
        String model,
        String prompt,
        String maxTokens,
        String temperature,
        String topP,
        String topK,
        String minP,
        String repetitionPenalty,
        String seed,
        List<String> stop,
        String backend,
        String device) {

    public InferenceOptions {
        stop = stop == null ? List.of() : List.copyOf(stop);
    }

    /** Only model and prompt; everything else defaulted. */
    public static InferenceOptions of(String model, String prompt) {
        return new InferenceOptions(null, model, prompt, null, null, null, null, null, null, null, List.of(), null,
                null);
    }
}
