package dev.rbee.features.kit;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition every 100 ms until it holds or the scenario's own limit for it has passed. */
public final class Eventually {
    private Eventually() {
    }

    public static void within(int seconds, BooleanSupplier condition, Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get() + " (waited " + seconds + " s)");
            }
            Thread.sleep(100);
        }
    }
}
