package dev.rbee.queen.tasks;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Notices a worker that stops sending events (api.md §5.6 step 7). Keep-alive comments do not count: a hung engine
 * behind a live HTTP thread is still stalled. On a stall it runs {@code onStall} once (closing the worker's stream,
 * which ends the relay's blocked read).
 */
final class StallWatch implements AutoCloseable {
    private final long limitNanos;
    private final Runnable onStall;
    private final ScheduledFuture<?> check;
    private volatile long lastEventNanos = System.nanoTime();
    private volatile boolean stalled;

    StallWatch(ScheduledExecutorService timer, Duration limit, Runnable onStall) {
        this.limitNanos = limit.toNanos();
        this.onStall = onStall;
        long period = Math.max(50, Math.min(1000, limit.toMillis() / 4));
        this.check = timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    void touch() {
        lastEventNanos = System.nanoTime();
    }

    boolean stalled() {
        return stalled;
    }

    private void check() {
        if (!stalled && System.nanoTime() - lastEventNanos > limitNanos) {
            stalled = true;
            onStall.run();
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
