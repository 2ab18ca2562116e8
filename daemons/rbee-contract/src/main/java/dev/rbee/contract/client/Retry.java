package dev.rbee.contract.client;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Attempts with exact delays, no jitter, so tests can assert them (api.md §10). Only failures matching the
 * predicate are retried (default: {@link UnreachableException}, i.e. no HTTP answer); anything else, and the last
 * failure, propagates unchanged. Immutable; the {@code with…} methods return copies.
 */
public final class Retry {
    /** queen → hive, keeper → queen, worker → hive ready, hive → queen register: 3 attempts. */
    public static final List<Duration> HTTP_DELAYS = List.of(Duration.ofMillis(100), Duration.ofMillis(200));
    /** queen → SSH connect: 3 attempts. */
    public static final List<Duration> SSH_DELAYS = List.of(Duration.ofMillis(200), Duration.ofMillis(400));
    /** hive model download: 6 attempts. */
    public static final List<Duration> DOWNLOAD_DELAYS = List.of(Duration.ofMillis(100), Duration.ofMillis(200),
            Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));
    /** queen → busy worker: 1 + 3 retries. */
    public static final List<Duration> BUSY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4));

    /** How the wait between attempts happens; tests pass a recorder instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper SYSTEM = Thread::sleep;

        void sleep(Duration duration) throws InterruptedException;
    }

    /** A failed attempt: its number (1-based), the delay waited before it (zero for the first) and the error. */
    public record Attempt(int number, Duration delayBefore, RuntimeException error) {
    }

    /** Told about every failed attempt, e.g. to fill {@code details.attempts[]} or print a retry line. */
    @FunctionalInterface
    public interface AttemptListener {
        void failed(Attempt attempt, boolean willRetry);
    }

    private final List<Duration> delays;
    private final Predicate<? super RuntimeException> retryOn;
    private final Sleeper sleeper;
    private final AttemptListener listener;

    private Retry(List<Duration> delays, Predicate<? super RuntimeException> retryOn, Sleeper sleeper,
                  AttemptListener listener) {
        this.delays = List.copyOf(delays);
        this.retryOn = retryOn;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    /** {@code delays} are the waits before attempts 2, 3, …; so there are {@code delays.size() + 1} attempts. */
    public static Retry withDelays(List<Duration> delays) {
        return new Retry(delays, UnreachableException.class::isInstance, Sleeper.SYSTEM, (attempt, again) -> { });
    }

    public static Retry http() {
        return withDelays(HTTP_DELAYS);
    }

    public static Retry once() {
        return withDelays(List.of());
    }

    public Retry retryingOn(Predicate<? super RuntimeException> predicate) {
        return new Retry(delays, predicate, sleeper, listener);
    }

    public Retry sleepingWith(Sleeper newSleeper) {
        return new Retry(delays, retryOn, newSleeper, listener);
    }

    public Retry onFailedAttempt(AttemptListener newListener) {
        return new Retry(delays, retryOn, sleeper, newListener);
    }

    public int attempts() {
        return delays.size() + 1;
    }

    public List<Duration> delays() {
        return delays;
    }

    public <T> T call(Supplier<T> action) {
        Duration delayBefore = Duration.ZERO;
        for (int number = 1; ; number++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                boolean willRetry = number < attempts() && retryOn.test(e);
                listener.failed(new Attempt(number, delayBefore, e), willRetry);
                if (!willRetry) {
                    throw e;
                }
                delayBefore = delays.get(number - 1);
                pause(delayBefore);
            }
        }
    }

    public void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedCallException("waiting " + delay.toMillis() + " ms before a retry", e);
        }
    }
}
