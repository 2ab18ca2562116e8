package dev.rbee.engine;

import java.nio.file.Path;

/** What to load and with which resources; {@code gpuLayers} 0 keeps everything on the CPU. */
public record LoadRequest(Path modelPath, int contextSize, int gpuLayers, int threads, int slots) {
    public static LoadRequest cpu(Path modelPath, int contextSize, int slots) {
        return new LoadRequest(modelPath, contextSize, 0, Math.max(1, Runtime.getRuntime().availableProcessors()), slots);
    }
}
