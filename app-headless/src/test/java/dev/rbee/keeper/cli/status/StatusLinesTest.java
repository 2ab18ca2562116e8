package dev.rbee.keeper.cli.status;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusLinesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:05:00Z");

    @Test
    void elapsedIsSecondsUnderAMinuteThenMinutes() {
        assertEquals("4.2 s", StatusLines.elapsed("2026-11-27T10:04:55.800Z", NOW));
        assertEquals("3m 07s", StatusLines.elapsed("2026-11-27T10:01:53Z", NOW));
        assertEquals("0.0 s", StatusLines.elapsed("2026-11-27T10:05:01Z", NOW), "clock skew never goes negative");
        assertEquals("-", StatusLines.elapsed(null, NOW));
    }
}
