package dev.rbee.hive.models;

import java.util.ArrayDeque;
import java.util.Deque;

/** {@code speed_mbps} of api.md §4: 10⁶ bytes/s over the last 5 s (less at the start). */
final class SpeedMeter {
    private static final long WINDOW_NANOS = 5_000_000_000L;
    /** A rate over less time than this says more about buffers than about the link. */
    private static final long MIN_SPAN_NANOS = 200_000_000L;

    private record Sample(long nanos, long bytes) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void record(long nanos, long totalBytes) {
        samples.addLast(new Sample(nanos, totalBytes));
        while (samples.size() > 2 && samples.peekFirst().nanos() < nanos - WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    /** Restarts the window, e.g. after a pause between attempts that should not count as slow transfer. */
    synchronized void reset() {
        samples.clear();
    }

    synchronized double mbps() {
        if (samples.size() < 2) {
            return 0.0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long nanos = last.nanos() - first.nanos();
        if (nanos < MIN_SPAN_NANOS) {
            return 0.0;
        }
        double perSecond = (last.bytes() - first.bytes()) * 1e9 / nanos;
        return Math.round(perSecond / 1e6 * 10) / 10.0;
    }
}
