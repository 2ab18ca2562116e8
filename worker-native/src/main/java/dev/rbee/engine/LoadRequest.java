package dev.rbee.engine;

import dev.rbee.engine.gguf.GgufInfo;
import java.nio.file.Path;

/**
 * What to load and where: {@code backend} {@code cpu}, {@code cuda} or {@code metal} and its device index. An engine
 * that cannot compute on the backend refuses the request instead of falling back to the CPU.
 */
public record LoadRequest(Path modelPath, int contextSize, String backend, int device, int threads, int slots) {
    public static LoadRequest cpu(Path modelPath, int contextSize, int slots) {
        return new LoadRequest(modelPath, contextSize, "cpu", 0, Math.max(1, Runtime.getRuntime().availableProcessors()),
                slots);
    }

    /** The longest context a slot gets unless asked for more: room for the longest prompt api.md accepts. */
    public static final int DEFAULT_CONTEXT_CAP = 32_768;

    /**
     * The request with its context settled: a size of 0 means the model's trained context, capped at
     * {@link #DEFAULT_CONTEXT_CAP} so a 128k-token model does not reserve a cache nobody asked for.
     */
    public LoadRequest withContextFrom(GgufInfo info) {
        if (contextSize > 0) {
            return this;
        }
        int trained = (int) Math.min(DEFAULT_CONTEXT_CAP, info.contextLength().orElse(2048L));
        return new LoadRequest(modelPath, trained, backend, device, threads, slots);
    }

    public boolean onGpu() {
        return !"cpu".equals(backend);
    }
}
