package dev.rbee.hive.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadingWatchTest {
    @Test
    void timeoutsReadTheWaySpecMessagesWriteThem() {
        assertEquals("5 min", LoadingWatch.inWords(Duration.ofMinutes(5)));
        assertEquals("4 s", LoadingWatch.inWords(Duration.ofSeconds(4)));
        assertEquals("90 s", LoadingWatch.inWords(Duration.ofSeconds(90)));
        assertEquals("1500 ms", LoadingWatch.inWords(Duration.ofMillis(1500)));
    }
}
