package dev.rbee.keeper.cli.infer;

import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.contract.sse.StopReason;

import java.util.Locale;

/** Number formats of the infer screen; {@link Locale#ROOT} so a German locale does not print "1,52 s". */
public final class Formats {
    private Formats() {
    }

    /**
     * {@code [rbee-keeper] ✅ 20 tokens in 1.52 s (13.2 tok/s, first token after 210 ms, stop: MAX_TOKENS)}. Metrics
     * come from the worker; without them tok/s is computed from the end event and the first-token time is keeper's
     * own measure ({@code localFirstTokenMs}, -1 when unknown).
     */
    public static String summary(EndEvent end, MetricsEvent metrics, long localFirstTokenMs) {
        double seconds = end.decodeTimeMs() / 1000.0;
        double rate = metrics != null ? metrics.tokensPerSec() : seconds > 0 ? end.tokensOut() / seconds : 0;
        long firstMs = metrics != null ? metrics.timeToFirstTokenMs() : Math.max(0, localFirstTokenMs);
        return String.format(Locale.ROOT, "[rbee-keeper] ✅ %d tokens in %.2f s (%.1f tok/s, first token after %d ms, "
                + "stop: %s)", end.tokensOut(), seconds, rate, firstMs, stop(end));
    }

    static String stop(EndEvent end) {
        if (end.stopReason() == StopReason.STOP_SEQUENCE && end.stopSequenceMatched() != null) {
            return "STOP_SEQUENCE \"" + escape(end.stopSequenceMatched()) + "\"";
        }
        return String.valueOf(end.stopReason());
    }

    /** Shows control characters of a stop sequence the way the user typed them: {@code "\n\n"}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> escaped.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
            }
        }
        return escaped.toString();
    }

    /** Decimal units as the spec's examples: {@code 268.0 MB}. */
    public static String bytes(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        if (bytes >= 1_000L) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
        }
        return bytes + " B";
    }

    /** Binary units as device memory is quoted: {@code 24.0 GiB}. */
    public static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** {@code  40%  268.0 MB / 669.8 MB  12.5 MB/s  ETA 32s}. */
    public static String download(long done, long total, double speedMbps) {
        int percent = total > 0 ? (int) (100 * done / total) : 0;
        String eta = speedMbps > 0 && total > done
                ? Math.round((total - done) / (speedMbps * 1e6)) + "s" : "--";
        return String.format(Locale.ROOT, "%3d%%  %s / %s  %.1f MB/s  ETA %s", percent, bytes(done), bytes(total),
                speedMbps, eta);
    }
}
