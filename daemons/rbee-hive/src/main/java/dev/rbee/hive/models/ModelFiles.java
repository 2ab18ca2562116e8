package dev.rbee.hive.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.hive.Model;
import dev.rbee.engine.gguf.GgufFormatException;
import dev.rbee.engine.gguf.GgufInfo;
import dev.rbee.engine.gguf.GgufReader;
import dev.rbee.hive.models.hub.FilePicker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where model files live under {@code models/} and what their catalog rows say about them. */
final class ModelFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ModelFiles.class);

    private final Path modelsDir;

    ModelFiles(Path modelsDir) {
        this.modelsDir = modelsDir.toAbsolutePath().normalize();
    }

    Path modelsDir() {
        return modelsDir;
    }

    /** {@code models/hf/<org>/<repo>/<file>}. */
    Path hfTarget(ModelRef ref, String file) {
        Path repoDir = modelsDir.resolve("hf").resolve(ref.org()).resolve(ref.repo()).normalize();
        Path target = repoDir.resolve(file).normalize();
        if (!target.startsWith(repoDir) || target.equals(repoDir)) {
            // A hub listing is outside input: a name like ../../x.gguf must not write outside models/.
            throw dev.rbee.contract.error.RbeeException.of(dev.rbee.contract.error.ErrorCode.MODEL_INCOMPATIBLE,
                    "The hub lists a file name rbee cannot store: " + file, java.util.Map.of("model_ref", ref.raw(),
                            "reason", "unsafe_file_name"));
        }
        return target;
    }

    static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    /** Only files the hive wrote itself are deleted with their row; {@code file:} models stay where they are. */
    boolean owns(Path file) {
        return file.toAbsolutePath().normalize().startsWith(modelsDir);
    }

    /**
     * The row for a file. Quantization is the label in the file name when it has one (what users ask for, e.g.
     * {@code :Q4_K_M}), else the GGUF's own file type; architecture comes from the GGUF header.
     */
    Model describe(ModelRef ref, String modelRef, Path file, String sha256) {
        Optional<GgufInfo> header = header(file);
        String name = file.getFileName().toString();
        String quantization = FilePicker.quantizationOf(name)
                .orElse(header.map(GgufInfo::quantization).orElse(null));
        try {
            return new Model(ModelRef.modelId(name), modelRef, ref.provider(), ref.reference(), name,
                    file.toString(), Files.size(file), sha256, quantization,
                    header.map(GgufInfo::architecture).orElse(null), Instant.now().getEpochSecond());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** An unreadable header is registered without architecture; the spawn preflight reports it properly. */
    private static Optional<GgufInfo> header(Path file) {
        try {
            return Optional.of(new GgufReader().read(file));
        } catch (IOException | GgufFormatException | RuntimeException e) {
            LOG.warn("Cannot read the GGUF header of {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** A row is good when its file is still there with the recorded size (S040). */
    static boolean intact(Model row) {
        Path file = Path.of(row.localPath());
        try {
            return Files.isRegularFile(file) && Files.size(file) == row.sizeBytes();
        } catch (IOException e) {
            return false;
        }
    }
}
