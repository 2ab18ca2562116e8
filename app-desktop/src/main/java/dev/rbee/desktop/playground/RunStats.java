package dev.rbee.desktop.playground;

import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.keeper.infer.InferenceOutcome;

import java.util.Locale;

/**
 * Time to first token and tokens per second of a finished run. The worker's {@code metrics} event is preferred, as
 * in the CLI's result line; without it, keeper's own first-token time and the {@code end} event's numbers are used.
 */
public record RunStats(long timeToFirstTokenMs, double tokensPerSecond, int tokens) {

    public static RunStats of(InferenceOutcome.Completed completed) {
        EndEvent end = completed.end();
        MetricsEvent metrics = completed.metrics();
        long ttft = metrics != null ? metrics.timeToFirstTokenMs() : completed.localFirstTokenMs();
        double rate;
        if (metrics != null) {
            rate = metrics.tokensPerSec();
        } else if (end.tokensPerSec() != null) {
            rate = end.tokensPerSec();
        } else {
            rate = end.decodeTimeMs() > 0 ? end.tokensOut() * 1000.0 / end.decodeTimeMs() : 0;
        }
        return new RunStats(ttft, rate, end.tokensOut());
    }

    public String timeToFirstTokenText() {
        return timeToFirstTokenMs < 0 ? "–" : timeToFirstTokenMs + " ms";
    }

    public String tokensPerSecondText() {
        return String.format(Locale.ROOT, "%.1f tokens/s", tokensPerSecond);
    }
}
