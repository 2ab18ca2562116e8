package dev.rbee.hive.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.engine.demo.DemoModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the file a spawn should load. {@code demo:tiny} is generated on first use and {@code file:} refs are used in
 * place; Hugging Face refs need the model catalog and downloads, which arrive with the hive issue, so until then they
 * are answered as not in the catalog rather than guessed.
 */
public final class SpawnModels {
    private final Path modelsDir;

    public SpawnModels(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    public Path resolve(String modelRef) {
        ModelRef ref = ModelRef.parse(modelRef);
        if (ref.isDemo()) {
            return demo();
        }
        if (ref.isFile()) {
            return existingFile(modelRef, Path.of(ref.path()));
        }
        throw RbeeException.of(ErrorCode.MODEL_NOT_FOUND, "Model '" + modelRef + "' is not in the catalog of this hive"
                + " (this rbee-hive cannot download from Hugging Face yet)", Map.of("model_ref", modelRef,
                "reason", "not_in_catalog"));
    }

    private Path demo() {
        try {
            return DemoModels.ensureDemoTiny(modelsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write demo:tiny under " + modelsDir, e);
        }
    }

    private static Path existingFile(String modelRef, Path path) {
        if (!Files.isRegularFile(path)) {
            throw RbeeException.of(ErrorCode.MODEL_NOT_FOUND, "Model file not found: " + path,
                    Map.of("model_ref", modelRef, "reason", "file_missing"));
        }
        return path;
    }
}
