package dev.rbee.keeper.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterruptsTest {

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    @Test
    void firstSignalRunsTheCancelActionAndASecondInterruptsTheMainThread() {
        Interrupts interrupts = new Interrupts(Thread.currentThread());
        AtomicInteger cancels = new AtomicInteger();
        interrupts.onFirstInterrupt(cancels::incrementAndGet);
        assertFalse(interrupts.happened());

        interrupts.signal();
        assertEquals(1, cancels.get());
        assertTrue(interrupts.happened());
        assertFalse(interrupts.repeated());
        assertFalse(Thread.currentThread().isInterrupted());

        interrupts.signal();
        assertEquals(1, cancels.get(), "the cancel runs once");
        assertTrue(interrupts.repeated());
        assertTrue(Thread.interrupted());
    }

    @Test
    void withoutACancelActionTheFirstSignalInterrupts() {
        Interrupts interrupts = new Interrupts(Thread.currentThread());
        interrupts.onFirstInterrupt(() -> { });
        interrupts.clearAction();
        interrupts.signal();
        assertTrue(Thread.interrupted());
    }
}
