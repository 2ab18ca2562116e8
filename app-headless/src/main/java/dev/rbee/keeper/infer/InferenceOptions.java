package dev.rbee.keeper.infer;

import dev.rbee.keeper.KeeperConfig;

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

    /**
     * Fills what the flags left out from {@code [defaults]} of config.toml (cli.md §3). The configured device only
     * comes along with the configured backend: a {@code --backend} flag means the device index of another backend
     * would be wrong.
     */
    public InferenceOptions withDefaults(KeeperConfig.Defaults defaults) {
        boolean configBackend = backend == null && device == null;
        return new InferenceOptions(
                KeeperConfig.orDefault(node, defaults.node()),
                KeeperConfig.orDefault(model, defaults.model()),
                prompt,
                KeeperConfig.orDefault(maxTokens, text(defaults.maxTokens())),
                KeeperConfig.orDefault(temperature, text(defaults.temperature())),
                topP, topK, minP, repetitionPenalty, seed, stop,
                configBackend ? defaults.backend() : backend,
                configBackend ? text(defaults.device()) : device);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
