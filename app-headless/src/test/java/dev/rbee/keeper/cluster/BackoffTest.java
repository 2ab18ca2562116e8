package dev.rbee.keeper.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromHalfASecondUpToFive() {
        assertEquals(java.util.List.of(500L, 1000L, 2000L, 4000L, 5000L, 5000L),
                IntStream.range(0, 6).mapToObj(i -> Backoff.DEFAULT.delay(i).toMillis()).toList());
        assertEquals(Duration.ofSeconds(5), Backoff.DEFAULT.delay(Integer.MAX_VALUE));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
