package dev.rbee.keeper.cluster;

import java.time.Duration;

/** Reconnect delays: {@code first}, doubling per failed attempt, never more than {@code max}. */
public record Backoff(Duration first, Duration max) {

    /** 0.5 s, 1 s, 2 s, 4 s, then 5 s: quick after a blip, gentle on a queen that stays down. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < first <= max, got " + first + ", " + max);
        }
    }

    /** Delay before reconnect attempt {@code attempt} (0 = the first one after a disconnect). */
    public Duration delay(int attempt) {
        Duration delay = first;
        for (int i = 0; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
