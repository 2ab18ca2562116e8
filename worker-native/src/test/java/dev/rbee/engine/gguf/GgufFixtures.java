package dev.rbee.engine.gguf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes generated models and finds fields inside them, so tests can damage files at exact places. */
final class GgufFixtures {
    private GgufFixtures() {
    }

    static Path write(Path dir, String fileName, LlamaModelSpec spec) throws IOException {
        Path file = dir.resolve(fileName);
        new RandomLlamaGenerator().write(spec, file);
        return file;
    }

    static LlamaModelSpec small(GgmlType type) {
        return new LlamaModelSpec("t", 64, 2, 4, 2, 128, 256, type, 1);
    }

    /** Byte offset of the descriptor of {@code tensorName}: where its name's length field starts. */
    static int descriptorOffset(byte[] file, String tensorName) {
        byte[] name = tensorName.getBytes(StandardCharsets.UTF_8);
        ByteBuffer le = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 8; i + name.length <= file.length; i++) {
            if (le.getLong(i - 8) == name.length && regionEquals(file, i, name)) {
                return i - 8;
            }
        }
        throw new AssertionError("no descriptor for " + tensorName);
    }

    /** Offset of the data-offset field of a descriptor with {@code dims} dimensions. */
    static int offsetField(byte[] file, String tensorName, int dims) {
        return descriptorOffset(file, tensorName) + 8 + tensorName.length() + 4 + 8 * dims + 4;
    }

    static void putLong(byte[] file, int at, long value) {
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(at, value);
    }

    static void putInt(byte[] file, int at, int value) {
        ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
    }

    private static boolean regionEquals(byte[] file, int at, byte[] what) {
        for (int j = 0; j < what.length; j++) {
            if (file[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }

    static Path copyWith(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
