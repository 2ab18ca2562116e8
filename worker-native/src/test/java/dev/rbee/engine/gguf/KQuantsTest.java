package dev.rbee.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The K-quant blocks as ggml's own dequantizers read them back. */
class KQuantsTest {
    private static byte[] encode(GgmlType type, float[] row) {
        ByteBuffer out = ByteBuffer.allocate((int) type.rowBytes(row.length)).order(ByteOrder.LITTLE_ENDIAN);
        Quantizer.encodeRow(type, row, out);
        assertEquals(out.capacity(), out.position(), "the encoder fills exactly the block size");
        return out.array();
    }

    /** Relative RMS error a plain min/max fit reaches: about a half step of 15, 31 or 63 levels over ±3 sigma. */
    private static double tolerance(GgmlType type) {
        return switch (type) {
            case Q4_K -> 0.12;
            case Q5_K -> 0.06;
            case Q6_K -> 0.03;
            default -> throw new IllegalArgumentException();
        };
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_K", "Q5_K", "Q6_K"})
    void gaussianRowsRoundTripWithinTolerance(GgmlType type) {
        SplittableRandom random = new SplittableRandom(5);
        float[] row = new float[1024];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) random.nextGaussian(0.1, 1.0);
        }
        float[] back = KQuantDecoder.decode(type, encode(type, row), row.length);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < row.length; i++) {
            err += (row[i] - back[i]) * (row[i] - back[i]);
            norm += row[i] * row[i];
        }
        double relative = Math.sqrt(err / norm);
        assertTrue(relative < tolerance(type), type + " relative RMS error " + relative);
        assertTrue(relative > 0.001, "a 4-6 bit format cannot be lossless on Gaussian values: " + relative);
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_K", "Q5_K", "Q6_K"})
    void zerosAndOnesAreExact(GgmlType type) {
        float[] zeros = new float[256];
        assertArrayEquals(zeros, KQuantDecoder.decode(type, encode(type, zeros), 256));
        float[] ones = new float[512];
        Arrays.fill(ones, 1f);
        float[] back = KQuantDecoder.decode(type, encode(type, ones), 512);
        for (float v : back) {
            assertEquals(1f, v, 2e-3f);
        }
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_K", "Q5_K", "Q6_K"})
    void subBlocksKeepTheirOwnScale(GgmlType type) {
        float[] row = new float[256];
        for (int i = 0; i < row.length; i++) {
            row[i] = (i / 32 + 1) * ((i % 7) - 3) / 3f; // eight sub-blocks, each with its own range
        }
        float[] back = KQuantDecoder.decode(type, encode(type, row), 256);
        for (int i = 0; i < row.length; i++) {
            float range = 2 * (i / 32 + 1);
            assertEquals(row[i], back[i], range * 0.1, "value " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_K", "Q5_K", "Q6_K"})
    void theBlockSizesAreGgmls(GgmlType type) {
        assertEquals(GgmlTypeTraits.of(type.id()).bytesPerBlock(), type.rowBytes(256));
        assertEquals(type.name(), GgmlTypeTraits.of(type.id()).name());
    }
}
