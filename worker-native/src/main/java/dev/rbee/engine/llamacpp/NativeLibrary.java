package dev.rbee.engine.llamacpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The binding extracts its native library into a shared temporary directory and deletes "old" copies it finds
 * there, so two workers starting at once could remove each other's library mid-load. Each process therefore extracts
 * into a directory of its own, loads the library, and deletes the directory again (a loaded library stays mapped).
 */
public final class NativeLibrary {
    private static final String TMPDIR_PROPERTY = "de.kherud.llama.tmpdir";
    private static boolean loaded;

    private NativeLibrary() {
    }

    /** Runs {@code firstNativeCall}, which makes the binding load its library, with a private extraction directory. */
    public static synchronized void loadPrivately(Runnable firstNativeCall) {
        if (loaded) {
            firstNativeCall.run();
            return;
        }
        Path dir = createDirectory();
        String previous = System.setProperty(TMPDIR_PROPERTY, dir.toString());
        try {
            firstNativeCall.run();
            loaded = true;
        } finally {
            restore(previous);
            deleteRecursively(dir);
        }
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("rbee-llama-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for llama.cpp's native library", e);
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(TMPDIR_PROPERTY);
        } else {
            System.setProperty(TMPDIR_PROPERTY, previous);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary directory is harmless
        }
    }
}
