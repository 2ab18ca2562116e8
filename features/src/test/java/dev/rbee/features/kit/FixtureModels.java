package dev.rbee.features.kit;

import dev.rbee.engine.gguf.GgmlType;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random-weight llama GGUF files of about the asked size (scenarios.md "Fixture models"), written by worker-native's
 * generator once per size and test run. F32 at width 256: each layer adds about 2.6 MB.
 */
public final class FixtureModels {
    private static final Map<Integer, byte[]> CACHE = new ConcurrentHashMap<>();
    private static final double LAYER_MB = 2.62;
    private static final double BASE_MB = 0.73;

    private FixtureModels() {
    }

    public static byte[] ofAboutMegabytes(int megabytes) {
        return CACHE.computeIfAbsent(megabytes, FixtureModels::generate);
    }

    /**
     * A real model padded with zeros to exactly {@code bytes}: its header reads like any other and its size is exact,
     * so preflight messages have round numbers (S064). Only for checks that never load it.
     */
    public static byte[] paddedToExactly(int bytes) {
        byte[] model = ofAboutMegabytes(1);
        if (bytes < model.length) {
            throw new IllegalArgumentException("a padded model needs at least " + model.length + " bytes");
        }
        return java.util.Arrays.copyOf(model, bytes);
    }

    private static byte[] generate(int megabytes) {
        int layers = (int) Math.max(1, Math.round((megabytes - BASE_MB) / LAYER_MB));
        LlamaModelSpec spec = new LlamaModelSpec("rbee hub fixture " + megabytes + " MB", 256, layers, 4, 4, 512,
                512, GgmlType.F32, 42L + megabytes);
        try {
            Path file = Files.createTempFile("rbee-fixture-", ".gguf");
            try {
                new RandomLlamaGenerator().write(spec, file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
