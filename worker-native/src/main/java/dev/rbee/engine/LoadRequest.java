package dev.rbee.engine;

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

    public boolean onGpu() {
        return !"cpu".equals(backend);
    }
}
