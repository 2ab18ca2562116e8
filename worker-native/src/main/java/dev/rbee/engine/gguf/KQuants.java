package dev.rbee.engine.gguf;

import java.nio.ByteBuffer;

/**
 * ggml's K-quant super-block formats (ggml-common.h): 256 values per block in 8 sub-blocks of 32 (Q4_K, Q5_K) or 16
 * sub-blocks of 16 (Q6_K), each sub-block with its own scale quantized against one fp16 super-block scale. The byte
 * layout is ggml's exactly; the choice of scales is a plain min/max fit, not ggml's iterative search, which only
 * changes how close the values come out, not how llama.cpp reads them.
 */
final class KQuants {
    static final int QK_K = 256;
    private static final int SUB = 32;

    private KQuants() {
    }

    /**
     * Q4_K ({@code bits} 4, 144 bytes: d, dmin, 12 bytes of 6-bit scales and mins, 128 bytes of nibbles) or Q5_K
     * ({@code bits} 5, 176 bytes: the same plus 32 bytes of fifth bits before the nibbles). A sub-block's values are
     * {@code d·sc·q − dmin·m}, with q in [0, 2^bits).
     */
    static void encodeScaledMin(int bits, float[] row, int start, ByteBuffer out) {
        int levels = (1 << bits) - 1;
        float[] scales = new float[8];
        float[] mins = new float[8];
        for (int j = 0; j < 8; j++) {
            float min = 0;
            float max = 0;
            for (int i = 0; i < SUB; i++) {
                float v = row[start + j * SUB + i];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            scales[j] = (max - min) / levels;
            mins[j] = -min;
        }
        float maxScale = max(scales);
        float maxMin = max(mins);
        int[] ls = sixBit(scales, maxScale);
        int[] lm = sixBit(mins, maxMin);
        float d = Float.float16ToFloat(Float.floatToFloat16(maxScale / 63f));
        float dmin = Float.float16ToFloat(Float.floatToFloat16(maxMin / 63f));
        int[] q = new int[QK_K];
        for (int j = 0; j < 8; j++) {
            float step = d * ls[j];
            float offset = dmin * lm[j];
            for (int i = 0; i < SUB; i++) {
                int k = j * SUB + i;
                q[k] = step == 0 ? 0 : Math.clamp(Math.round((row[start + k] + offset) / step), 0, levels);
            }
        }
        out.putShort(Float.floatToFloat16(d));
        out.putShort(Float.floatToFloat16(dmin));
        out.put(packScales(ls, lm));
        if (bits == 5) {
            out.put(highBits(q));
        }
        out.put(nibbles(q));
    }

    /** ggml's {@code get_scale_min_k4} layout: sub-blocks 0–3 in the low 6 bits, 4–7 split over the rest. */
    static byte[] packScales(int[] ls, int[] lm) {
        byte[] s = new byte[12];
        for (int j = 0; j < 8; j++) {
            if (j < 4) {
                s[j] = (byte) ls[j];
                s[j + 4] = (byte) lm[j];
            } else {
                s[j + 4] = (byte) ((ls[j] & 0xF) | ((lm[j] & 0xF) << 4));
                s[j - 4] |= (byte) ((ls[j] >> 4) << 6);
                s[j] |= (byte) ((lm[j] >> 4) << 6);
            }
        }
        return s;
    }

    /** Each 64 values share 32 bytes: the first 32 in the low nibbles, the next 32 in the high ones. */
    private static byte[] nibbles(int[] q) {
        byte[] qs = new byte[QK_K / 2];
        for (int n = 0; n < QK_K; n += 64) {
            for (int l = 0; l < 32; l++) {
                qs[n / 2 + l] = (byte) ((q[n + l] & 0xF) | ((q[n + l + 32] & 0xF) << 4));
            }
        }
        return qs;
    }

    /** Q5_K's fifth bits: value {@code n + l} (n a multiple of 64) sets bit {@code 2·n/64} of byte l, +32 the next. */
    private static byte[] highBits(int[] q) {
        byte[] qh = new byte[QK_K / 8];
        for (int n = 0, shift = 0; n < QK_K; n += 64, shift += 2) {
            for (int l = 0; l < 32; l++) {
                qh[l] |= (byte) (((q[n + l] >> 4) & 1) << shift);
                qh[l] |= (byte) (((q[n + l + 32] >> 4) & 1) << (shift + 1));
            }
        }
        return qh;
    }

    /**
     * Q6_K (210 bytes: 128 bytes of low nibbles, 64 of high 2-bit pairs, 16 int8 sub-block scales, then fp16 d).
     * Values are {@code d·sc·(q − 32)} with q in [0, 64); 16 sub-blocks of 16.
     */
    static void encodeQ6(float[] row, int start, ByteBuffer out) {
        float[] scales = new float[16];
        float maxScale = 0;
        for (int j = 0; j < 16; j++) {
            float amax = 0;
            float extreme = 0;
            for (int i = 0; i < 16; i++) {
                float v = row[start + j * 16 + i];
                if (Math.abs(v) > amax) {
                    amax = Math.abs(v);
                    extreme = v;
                }
            }
            scales[j] = extreme / -32f; // the extreme value lands exactly on −32
            if (Math.abs(scales[j]) > Math.abs(maxScale)) {
                maxScale = scales[j];
            }
        }
        float iscale = maxScale == 0 ? 0 : -128f / maxScale;
        float d = Float.float16ToFloat(Float.floatToFloat16(maxScale == 0 ? 0 : 1f / iscale));
        byte[] sc = new byte[16];
        int[] q = new int[QK_K];
        for (int j = 0; j < 16; j++) {
            sc[j] = (byte) Math.min(127, Math.round(iscale * scales[j]));
            float step = d * sc[j];
            for (int i = 0; i < 16; i++) {
                int k = j * 16 + i;
                q[k] = step == 0 ? 32 : Math.clamp(Math.round(row[start + k] / step), -32, 31) + 32;
            }
        }
        byte[] ql = new byte[QK_K / 2];
        byte[] qh = new byte[QK_K / 4];
        for (int n = 0; n < QK_K; n += 128) {
            for (int l = 0; l < 32; l++) {
                int q1 = q[n + l];
                int q2 = q[n + l + 32];
                int q3 = q[n + l + 64];
                int q4 = q[n + l + 96];
                ql[n / 2 + l] = (byte) ((q1 & 0xF) | ((q3 & 0xF) << 4));
                ql[n / 2 + l + 32] = (byte) ((q2 & 0xF) | ((q4 & 0xF) << 4));
                qh[n / 4 + l] = (byte) ((q1 >> 4) | ((q2 >> 4) << 2) | ((q3 >> 4) << 4) | ((q4 >> 4) << 6));
            }
        }
        out.put(ql).put(qh).put(sc).putShort(Float.floatToFloat16(d));
    }

    private static int[] sixBit(float[] values, float max) {
        int[] l = new int[values.length];
        for (int j = 0; j < values.length; j++) {
            l[j] = max == 0 ? 0 : Math.clamp(Math.round(63f * values[j] / max), 0, 63);
        }
        return l;
    }

    private static float max(float[] values) {
        float m = 0;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
