package dev.rbee.engine;

import dev.rbee.engine.gguf.ArchitectureSupport;
import dev.rbee.engine.gguf.GgufFormatException;
import dev.rbee.engine.gguf.GgufInfo;
import dev.rbee.engine.gguf.GgufReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every engine reads the GGUF header first, so a missing or damaged file, or one llama.cpp cannot run (an unknown
 * architecture, a split model), is a clear error, never a native crash or llama.cpp's bare "could not load".
 */
public final class ModelHeader {
    private ModelHeader() {
    }

    public static GgufInfo read(Path model) {
        if (!Files.isRegularFile(model)) {
            throw new EngineException("model file not found: " + model, EngineException.Kind.MODEL);
        }
        try {
            GgufInfo info = new GgufReader().read(model);
            ArchitectureSupport.llamaCpp().incompatibility(info, model).ifPresent(reason -> {
                throw new EngineException(reason, EngineException.Kind.MODEL);
            });
            return info;
        } catch (GgufFormatException e) {
            throw new EngineException(e.getMessage(), EngineException.Kind.MODEL);
        } catch (IOException e) {
            throw new EngineException("cannot read " + model + ": " + e.getMessage(), EngineException.Kind.MODEL, e);
        }
    }
}
