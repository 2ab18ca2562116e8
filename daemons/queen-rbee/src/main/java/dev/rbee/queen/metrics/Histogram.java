package dev.rbee.queen.metrics;

/** A fixed-bucket histogram of seconds; thread-safe. */
public final class Histogram {
    /** 0.05 … 60 s (api.md §5.9). */
    public static final double[] SECONDS_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    /** Per-bucket (not cumulative) counts; values above the last bound only count towards {@code +Inf}. */
    public record Snapshot(double[] bounds, long[] counts, long count, double sum) {
    }

    private final double[] bounds;
    private final long[] counts;
    private long count;
    private double sum;

    public Histogram(double[] bounds) {
        this.bounds = bounds.clone();
        this.counts = new long[bounds.length];
    }

    public synchronized void observe(double value) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                counts[i]++;
                break;
            }
        }
        count++;
        sum += value;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(bounds.clone(), counts.clone(), count, sum);
    }
}
