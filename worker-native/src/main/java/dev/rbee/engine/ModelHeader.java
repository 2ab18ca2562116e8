package dev.rbee.engine;

import dev.rbee.engine.gguf.GgufFormatException;
import dev.rbee.engine.gguf.GgufInfo;
import dev.rbee.engine.gguf.GgufReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Every engine reads the GGUF header first, so a missing or damaged file is a clear error, never a native crash. */
public final class ModelHeader {
    private ModelHeader() {
    }

    public static GgufInfo read(Path model) {
        if (!Files.isRegularFile(model)) {
            throw new EngineException("model file not found: " + model, EngineException.Kind.MODEL);
        }
        try {
            return new GgufReader().read(model);
        } catch (GgufFormatException e) {
            throw new EngineException(e.getMessage(), EngineException.Kind.MODEL);
        } catch (IOException e) {
            throw new EngineException("cannot read " + model + ": " + e.getMessage(), EngineException.Kind.MODEL, e);
        }
    }
}
