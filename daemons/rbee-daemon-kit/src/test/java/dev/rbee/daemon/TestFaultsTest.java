package dev.rbee.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TestFaultsTest {
    @Test
    void faultsAreIgnoredOutsideTestMode() {
        TestFaults faults = TestFaults.fromEnvironment(Map.of("RBEE_TEST_FAULTS", "worker.token_delay_ms=50"),
                LoggerFactory.getLogger("t"));
        assertEquals(Optional.empty(), faults.millis("worker.token_delay_ms"));
    }

    @Test
    void faultsAreParsedInTestMode() {
        TestFaults faults = TestFaults.fromEnvironment(Map.of("RBEE_TEST_MODE", "1", "RBEE_TEST_FAULTS",
                "worker.token_delay_ms=50, worker.infer.crash_before_first_token"), LoggerFactory.getLogger("t"));
        assertEquals(Optional.of(50L), faults.millis("worker.token_delay_ms"));
        assertTrue(faults.has("worker.infer.crash_before_first_token"));
        assertFalse(faults.has("hive.spawn_delay_ms"));
        assertEquals(Optional.of(""), faults.value("worker.infer.crash_before_first_token"));
        assertEquals(Optional.of("50"), faults.value("worker.token_delay_ms"));
        assertEquals(Optional.empty(), faults.value("hive.spawn_delay_ms"));
    }
}
