package dev.rbee.queen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StallWatchTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @Test
    void eventsKeepItQuietAndSilenceTripsItOnce() throws Exception {
        AtomicInteger trips = new AtomicInteger();
        try (StallWatch watch = new StallWatch(timer, Duration.ofMillis(400), trips::incrementAndGet)) {
            for (int i = 0; i < 8; i++) {
                Thread.sleep(100);
                watch.touch();
            }
            assertFalse(watch.stalled(), "events every 100 ms never stall a 400 ms watch");
            Thread.sleep(900);
            assertTrue(watch.stalled());
            assertEquals(1, trips.get());
        }
        timer.shutdownNow();
    }
}
