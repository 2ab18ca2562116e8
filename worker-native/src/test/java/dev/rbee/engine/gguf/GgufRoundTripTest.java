package dev.rbee.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GgufRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void demoModelHeaderReadsBack() throws Exception {
        Path file = dir.resolve("tiny.gguf");
        new RandomLlamaGenerator().write(LlamaModelSpec.demoTiny(), file);
        GgufInfo info = new GgufReader().read(file);
        assertEquals(3, info.version());
        assertEquals("llama", info.architecture());
        assertEquals(4, info.layers());
        assertEquals(2048L, info.contextLength().orElseThrow());
        assertEquals("llama", info.string("tokenizer.ggml.model").orElseThrow());
        GgufArray tokens = (GgufArray) info.metadata().get("tokenizer.ggml.tokens");
        assertEquals(new ByteLevelVocab().size(), tokens.length());
        assertEquals(Files.size(file), info.fileSizeBytes());
        assertTrue(info.fileSizeBytes() < 2_000_000, "demo model must stay small, was " + info.fileSizeBytes());
        assertEquals(3 + 4 * 9, info.tensorCount());
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void everyTensorTypeHasTheSizeGgmlExpects(GgmlType type) throws Exception {
        long n = Math.max(64, type.blockSize()); // K-quant rows are whole 256-value super-blocks
        LlamaModelSpec spec = new LlamaModelSpec("t", (int) n, 1, 4, 2, (int) (2 * n), 256, type, 1);
        Path file = dir.resolve(type + ".gguf");
        new RandomLlamaGenerator().write(spec, file);
        long vocab = new ByteLevelVocab().size();
        long matrices = 2 * n * vocab + n * n * 2 + n * n / 2 * 2 + 3 * n * 2 * n;
        long expectedData = type.rowBytes(n) * (matrices / n);
        assertTrue(Files.size(file) > expectedData, type + ": file smaller than its tensor data");
        assertEquals(type.fileType(), new GgufReader().read(file).number("general.file_type").orElseThrow().intValue());
    }

    @Test
    void truncatedFileIsRejectedWithAClearError() throws Exception {
        Path file = dir.resolve("cut.gguf");
        new RandomLlamaGenerator().write(LlamaModelSpec.demoTiny(), file);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(all, 4000));
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> new GgufReader().read(file));
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void corruptCountIsRejectedBeforeAllocating() throws Exception {
        Path file = dir.resolve("bad.gguf");
        new RandomLlamaGenerator().write(LlamaModelSpec.demoTiny(), file);
        byte[] all = Files.readAllBytes(file);
        Arrays.fill(all, 16, 24, (byte) 0x7f); // metadata count
        Files.write(file, all);
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> new GgufReader().read(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void wrongMagicIsNotGguf() throws IOException {
        Path file = dir.resolve("text.gguf");
        Files.writeString(file, "this is not a model at all");
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> new GgufReader().read(file));
        assertTrue(e.getMessage().contains("not a GGUF file"), e.getMessage());
    }

    @Test
    void q8BlocksRoundTripWithinQuantizationError() {
        float[] row = new float[32];
        for (int i = 0; i < 32; i++) {
            row[i] = (i - 16) / 10f;
        }
        var buf = java.nio.ByteBuffer.allocate(34).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Quantizer.encodeRow(GgmlType.Q8_0, row, buf);
        float d = Float.float16ToFloat(buf.getShort(0));
        for (int i = 0; i < 32; i++) {
            assertEquals(row[i], buf.get(2 + i) * d, d, "value " + i);
        }
    }
}
