package dev.rbee.contract.client;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryTest {
    private final List<Duration> slept = new ArrayList<>();

    private static UnreachableException refused() {
        return new UnreachableException(UnreachableException.Kind.REFUSED, URI.create("http://127.0.0.1:1"),
                new IOException("refused"));
    }

    @Test
    void httpRetriesTwiceWithExactDelaysThenGivesUp() {
        AtomicInteger calls = new AtomicInteger();
        UnreachableException last = refused();
        UnreachableException thrown = assertThrows(UnreachableException.class, () -> Retry.http()
                .sleepingWith(slept::add)
                .call(() -> {
                    calls.incrementAndGet();
                    throw last;
                }));
        assertSame(last, thrown);
        assertEquals(3, calls.get());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), slept);
    }

    @Test
    void downloadDelaysDoubleFrom100ms() {
        List<Retry.Attempt> attempts = new ArrayList<>();
        assertThrows(UnreachableException.class, () -> Retry.withDelays(Retry.DOWNLOAD_DELAYS)
                .sleepingWith(slept::add)
                .onFailedAttempt((attempt, again) -> attempts.add(attempt))
                .run(() -> {
                    throw refused();
                }));
        assertEquals(List.of(100L, 200L, 400L, 800L, 1600L), slept.stream().map(Duration::toMillis).toList());
        assertEquals(List.of(0L, 100L, 200L, 400L, 800L, 1600L),
                attempts.stream().map(a -> a.delayBefore().toMillis()).toList());
        assertEquals(6, attempts.getLast().number());
    }

    @Test
    void succeedsOnALaterAttempt() {
        AtomicInteger calls = new AtomicInteger();
        String result = Retry.withDelays(Retry.SSH_DELAYS).sleepingWith(slept::add).call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw refused();
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), slept);
    }

    @Test
    void anAnswerFromTheTargetIsNeverRetriedByDefault() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RbeeException.class, () -> Retry.http().sleepingWith(slept::add).call(() -> {
            calls.incrementAndGet();
            throw RbeeException.of(ErrorCode.INTERNAL_ERROR, "boom");
        }));
        assertEquals(1, calls.get());
        assertTrue(slept.isEmpty());
    }

    @Test
    void customPredicateRetriesBusyWorkers() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RbeeException.class, () -> Retry.withDelays(Retry.BUSY_DELAYS)
                .retryingOn(e -> e instanceof RbeeException r && r.is(ErrorCode.ALL_SLOTS_BUSY))
                .sleepingWith(slept::add)
                .call(() -> {
                    calls.incrementAndGet();
                    throw RbeeException.of(ErrorCode.ALL_SLOTS_BUSY, "busy");
                }));
        assertEquals(4, calls.get());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), slept);
    }

    @Test
    void interruptedSleepStopsRetryingAndKeepsTheFlag() {
        Retry retry = Retry.http().sleepingWith(d -> {
            throw new InterruptedException();
        });
        assertThrows(InterruptedCallException.class, () -> retry.run(() -> {
            throw refused();
        }));
        assertTrue(Thread.interrupted());
    }
}
