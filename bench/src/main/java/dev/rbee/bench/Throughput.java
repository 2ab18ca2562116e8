package dev.rbee.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Prefill and decode speed of one generation, from the arrival times of its tokens: prefill is the wait for the
 * first token, decode the rate of the tokens after it (so both sides are measured the same way).
 */
record Throughput(double prefillMillis, double decodeTokensPerSecond) {

    static Throughput of(long startNanos, List<Long> tokenNanos) {
        if (tokenNanos.size() < 2) {
            throw new IllegalArgumentException("need at least two tokens, got " + tokenNanos.size());
        }
        double prefill = (tokenNanos.getFirst() - startNanos) / 1e6;
        double decodeSeconds = (tokenNanos.getLast() - tokenNanos.getFirst()) / 1e9;
        return new Throughput(prefill, (tokenNanos.size() - 1) / decodeSeconds);
    }

    /** The median of each figure over several runs, which a noisy machine needs. */
    static Throughput median(List<Throughput> runs) {
        List<Double> prefill = new ArrayList<>(runs.stream().map(Throughput::prefillMillis).toList());
        List<Double> decode = new ArrayList<>(runs.stream().map(Throughput::decodeTokensPerSecond).toList());
        prefill.sort(null);
        decode.sort(null);
        return new Throughput(prefill.get(prefill.size() / 2), decode.get(decode.size() / 2));
    }
}
