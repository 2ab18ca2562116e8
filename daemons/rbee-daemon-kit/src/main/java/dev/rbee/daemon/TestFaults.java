package dev.rbee.daemon;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Fault hooks for the acceptance tests (scenarios.md "Test mode"): honoured only when {@code RBEE_TEST_MODE=1}, and
 * announced loudly in the log, so a production daemon never slows down or fails on purpose by accident.
 * {@code RBEE_TEST_FAULTS} is a comma-separated list of {@code name=value} or bare {@code name} entries.
 */
public final class TestFaults {
    private final Map<String, String> faults;

    private TestFaults(Map<String, String> faults) {
        this.faults = Map.copyOf(faults);
    }

    public static TestFaults fromEnvironment(Map<String, String> env, Logger log) {
        String spec = env.getOrDefault("RBEE_TEST_FAULTS", "");
        if (!"1".equals(env.get("RBEE_TEST_MODE"))) {
            if (!spec.isBlank()) {
                log.warn("RBEE_TEST_FAULTS is set but RBEE_TEST_MODE is not 1: ignoring the fault hooks");
            }
            return new TestFaults(Map.of());
        }
        log.warn("TEST MODE ACTIVE (RBEE_TEST_MODE=1): fault hooks {}", spec.isBlank() ? "none" : spec);
        Map<String, String> parsed = new HashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                int eq = trimmed.indexOf('=');
                parsed.put(eq < 0 ? trimmed : trimmed.substring(0, eq), eq < 0 ? "" : trimmed.substring(eq + 1));
            }
        }
        return new TestFaults(parsed);
    }

    public static TestFaults none() {
        return new TestFaults(Map.of());
    }

    public boolean has(String name) {
        return faults.containsKey(name);
    }

    /** The text after {@code name=}; empty for a bare entry, absent when the fault is not set. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(faults.get(name));
    }

    public Optional<Long> millis(String name) {
        return Optional.ofNullable(faults.get(name)).filter(v -> v.matches("\\d{1,9}")).map(Long::parseLong);
    }
}
