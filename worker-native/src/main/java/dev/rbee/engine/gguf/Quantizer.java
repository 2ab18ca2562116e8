package dev.rbee.engine.gguf;

import java.nio.ByteBuffer;

/** Encodes rows of floats into ggml's storage formats, block by block as ggml's reference quantizers do. */
final class Quantizer {
    private Quantizer() {
    }

    static void encodeRow(GgmlType type, float[] row, ByteBuffer out) {
        switch (type) {
            case F32 -> {
                for (float v : row) {
                    out.putFloat(v);
                }
            }
            case F16 -> {
                for (float v : row) {
                    out.putShort(Float.floatToFloat16(v));
                }
            }
            case Q8_0 -> {
                for (int b = 0; b < row.length; b += 32) {
                    encodeQ8Block(row, b, out);
                }
            }
            case Q4_0 -> {
                for (int b = 0; b < row.length; b += 32) {
                    encodeQ4Block(row, b, out);
                }
            }
            case Q4_K, Q5_K -> {
                for (int b = 0; b < row.length; b += KQuants.QK_K) {
                    KQuants.encodeScaledMin(type == GgmlType.Q5_K ? 5 : 4, row, b, out);
                }
            }
            case Q6_K -> {
                for (int b = 0; b < row.length; b += KQuants.QK_K) {
                    KQuants.encodeQ6(row, b, out);
                }
            }
        }
    }

    private static void encodeQ8Block(float[] row, int start, ByteBuffer out) {
        float amax = 0;
        for (int i = 0; i < 32; i++) {
            amax = Math.max(amax, Math.abs(row[start + i]));
        }
        float d = amax / 127f;
        float id = d == 0 ? 0 : 1f / d;
        out.putShort(Float.floatToFloat16(d));
        for (int i = 0; i < 32; i++) {
            out.put((byte) Math.round(row[start + i] * id));
        }
    }

    /** Q4_0 keeps the sign of the largest-magnitude value so that it maps exactly onto -8. */
    private static void encodeQ4Block(float[] row, int start, ByteBuffer out) {
        float amax = 0;
        float max = 0;
        for (int i = 0; i < 32; i++) {
            float v = row[start + i];
            if (Math.abs(v) > amax) {
                amax = Math.abs(v);
                max = v;
            }
        }
        float d = max / -8f;
        float id = d == 0 ? 0 : 1f / d;
        out.putShort(Float.floatToFloat16(d));
        for (int j = 0; j < 16; j++) {
            int lo = nibble(row[start + j] * id);
            int hi = nibble(row[start + 16 + j] * id);
            out.put((byte) (lo | (hi << 4)));
        }
    }

    private static int nibble(float scaled) {
        return Math.min(15, (int) (scaled + 8.5f));
    }
}
