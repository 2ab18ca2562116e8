package dev.rbee.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Prefill and decode speed of one generation, from the arrival times of its tokens: prefill is the prompt's tokens
 * over the wait for the first token, decode the rate of the tokens after it (so both sides are measured the same
 * way, and as llama-bench's {@code pp} and {@code tg} figures are).
 */
record Throughput(int promptTokens, double prefillMillis, double prefillTokensPerSecond,
                  double decodeTokensPerSecond) {

    static Throughput of(long startNanos, List<Long> tokenNanos, int promptTokens) {
        if (tokenNanos.size() < 2) {
            throw new IllegalArgumentException("need at least two tokens, got " + tokenNanos.size());
        }
        double prefill = (tokenNanos.getFirst() - startNanos) / 1e6;
        double decodeSeconds = (tokenNanos.getLast() - tokenNanos.getFirst()) / 1e9;
        return new Throughput(promptTokens, prefill, promptTokens / (prefill / 1000),
                (tokenNanos.size() - 1) / decodeSeconds);
    }

    /** Times one token stream (a worker's {@code /v1/inference} or queen's {@code /v2/tasks}) from the call on. */
    static Throughput ofStream(java.util.function.Supplier<dev.rbee.contract.client.SseResponse> call) {
        List<Long> times = new ArrayList<>();
        int promptTokens = 0;
        long start = System.nanoTime();
        try (dev.rbee.contract.client.SseResponse response = call.get()) {
            while (response.events().hasNext()) {
                dev.rbee.contract.sse.SseEvent event = response.events().next();
                if (event instanceof dev.rbee.contract.sse.TokenEvent) {
                    times.add(System.nanoTime());
                } else if (event instanceof dev.rbee.contract.sse.EndEvent end) {
                    promptTokens = end.promptTokens();
                }
            }
        }
        return of(start, times, promptTokens);
    }

    /** The median of each figure over several runs, which a noisy machine needs. */
    static Throughput median(List<Throughput> runs) {
        return new Throughput(runs.getFirst().promptTokens(), median(runs, Throughput::prefillMillis),
                median(runs, Throughput::prefillTokensPerSecond), median(runs, Throughput::decodeTokensPerSecond));
    }

    private static double median(List<Throughput> runs, java.util.function.ToDoubleFunction<Throughput> figure) {
        List<Double> values = new ArrayList<>(runs.stream().map(figure::applyAsDouble).toList());
        values.sort(null);
        return values.get(values.size() / 2);
    }

    String line(String side) {
        return String.format("%-7s prompt_tokens=%d prefill_ms=%.1f prefill_tps=%.2f decode_tps=%.2f", side,
                promptTokens, prefillMillis, prefillTokensPerSecond, decodeTokensPerSecond);
    }
}
