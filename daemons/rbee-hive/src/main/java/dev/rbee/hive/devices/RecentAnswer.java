package dev.rbee.hive.devices;

import java.util.function.Supplier;

/** A supplier whose answer is reused while it is younger than a maximum age. */
final class RecentAnswer<T> implements Supplier<T> {
    private final Supplier<T> source;
    private final long maxAgeNanos;
    private T answer; // guarded by this
    private long answeredAt; // guarded by this

    RecentAnswer(Supplier<T> source, long maxAgeNanos) {
        this.source = source;
        this.maxAgeNanos = maxAgeNanos;
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (answer == null || now - answeredAt > maxAgeNanos) {
            answer = source.get();
            answeredAt = now;
        }
        return answer;
    }
}
