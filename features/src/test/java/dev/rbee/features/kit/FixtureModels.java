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

    /**
     * A complete random-weight model of exactly {@code bytes} (a multiple of 32, as every GGUF file this writer makes
     * is), which llama.cpp loads like any other: the size is made up by a metadata string {@code rbee.padding}, not by
     * bytes after the tensor data. A model without the string is written first; its header ends at most 31 bytes
     * before its aligned data section, so a string as long as the bytes still missing lands the data section exactly
     * where the total comes out right.
     */
    public static byte[] loadableOfExactly(long bytes) {
        if (bytes % 32 != 0) {
            throw new IllegalArgumentException("GGUF files of this writer are multiples of 32 bytes");
        }
        try {
            Path file = Files.createTempFile("rbee-fixture-", ".gguf");
            try {
                int layers = (int) Math.max(1, (bytes / 1e6 - BASE_MB) / LAYER_MB);
                LlamaModelSpec spec;
                do {
                    spec = new LlamaModelSpec("rbee exact-size fixture", 256, layers--, 4, 4, 512, 512, GgmlType.F32,
                            42L);
                    new RandomLlamaGenerator().write(spec, file, Map.of("rbee.padding", ""));
                } while (Files.size(file) > bytes && layers > 0);
                long missing = bytes - Files.size(file);
                new RandomLlamaGenerator().write(spec, file, Map.of("rbee.padding", "0".repeat((int) missing)));
                if (Files.size(file) != bytes) {
                    throw new IllegalStateException("padded model has " + Files.size(file) + " bytes, not " + bytes);
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
