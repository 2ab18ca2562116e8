package dev.rbee.engine.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * ggml's {@code dequantize_row_q4_K}, {@code _q5_K} and {@code _q6_K} (ggml-quants.c) transcribed line by line, so
 * tests read the writer's blocks the way llama.cpp does rather than by the writer's own logic.
 */
final class KQuantDecoder {
    private KQuantDecoder() {
    }

    static float[] decode(GgmlType type, byte[] bytes, int values) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] y = new float[values];
        for (int b = 0; b < values; b += 256) {
            switch (type) {
                case Q4_K, Q5_K -> scaledMin(type == GgmlType.Q5_K, in, y, b);
                case Q6_K -> q6(in, y, b);
                default -> throw new IllegalArgumentException(type.name());
            }
        }
        return y;
    }

    private static void scaledMin(boolean five, ByteBuffer in, float[] y, int at) {
        float d = Float.float16ToFloat(in.getShort());
        float min = Float.float16ToFloat(in.getShort());
        byte[] scales = new byte[12];
        in.get(scales);
        byte[] qh = new byte[32];
        if (five) {
            in.get(qh);
        }
        byte[] qs = new byte[128];
        in.get(qs);
        int is = 0;
        int u1 = 1;
        int u2 = 2;
        int q = 0;
        for (int j = 0; j < 256; j += 64) {
            int[] sm0 = scaleMinK4(is, scales);
            int[] sm1 = scaleMinK4(is + 1, scales);
            float d1 = d * sm0[0];
            float m1 = min * sm0[1];
            float d2 = d * sm1[0];
            float m2 = min * sm1[1];
            for (int l = 0; l < 32; l++) {
                int hi = five && (qh[l] & u1) != 0 ? 16 : 0;
                y[at + j + l] = d1 * ((qs[q + l] & 0xF) + hi) - m1;
            }
            for (int l = 0; l < 32; l++) {
                int hi = five && (qh[l] & u2) != 0 ? 16 : 0;
                y[at + j + 32 + l] = d2 * (((qs[q + l] & 0xFF) >> 4) + hi) - m2;
            }
            q += 32;
            is += 2;
            u1 <<= 2;
            u2 <<= 2;
        }
    }

    /** ggml's {@code get_scale_min_k4}. */
    private static int[] scaleMinK4(int j, byte[] q) {
        if (j < 4) {
            return new int[] {q[j] & 63, q[j + 4] & 63};
        }
        int d = (q[j + 4] & 0xF) | (((q[j - 4] & 0xFF) >> 6) << 4);
        int m = ((q[j + 4] & 0xFF) >> 4) | (((q[j] & 0xFF) >> 6) << 4);
        return new int[] {d, m};
    }

    private static void q6(ByteBuffer in, float[] y, int at) {
        byte[] ql = new byte[128];
        byte[] qh = new byte[64];
        byte[] sc = new byte[16];
        in.get(ql).get(qh).get(sc);
        float d = Float.float16ToFloat(in.getShort());
        for (int n = 0; n < 256; n += 128) {
            int l0 = n / 2;
            int h0 = n / 4;
            int s0 = n / 16;
            for (int l = 0; l < 32; l++) {
                int is = l / 16;
                int h = qh[h0 + l] & 0xFF;
                int q1 = ((ql[l0 + l] & 0xF) | ((h & 3) << 4)) - 32;
                int q2 = ((ql[l0 + l + 32] & 0xF) | (((h >> 2) & 3) << 4)) - 32;
                int q3 = (((ql[l0 + l] & 0xFF) >> 4) | (((h >> 4) & 3) << 4)) - 32;
                int q4 = (((ql[l0 + l + 32] & 0xFF) >> 4) | (((h >> 6) & 3) << 4)) - 32;
                y[at + n + l] = d * sc[s0 + is] * q1;
                y[at + n + l + 32] = d * sc[s0 + is + 2] * q2;
                y[at + n + l + 64] = d * sc[s0 + is + 4] * q3;
                y[at + n + l + 96] = d * sc[s0 + is + 6] * q4;
            }
        }
    }
}
