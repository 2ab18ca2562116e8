package dev.rbee.keeper.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    @Test
    void aBurstBeforeTheExecutorRunsIsOneDeliveryOfTheLastValue() {
        Queue<Runnable> uiQueue = new ArrayDeque<>();
        List<Integer> seen = new ArrayList<>();
        Coalescer<Integer> coalescer = new Coalescer<>(uiQueue::add, seen::add);
        for (int i = 1; i <= 10_000; i++) {
            coalescer.offer(i);
        }
        assertEquals(1, uiQueue.size(), "one task queued for 10 000 offers");
        uiQueue.forEach(Runnable::run);
        assertEquals(List.of(10_000), seen);
    }

    @Test
    void aDirectExecutorSeesEveryValue() {
        List<Integer> seen = new ArrayList<>();
        Coalescer<Integer> coalescer = new Coalescer<>(Runnable::run, seen::add);
        coalescer.offer(1);
        coalescer.offer(2);
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void anOfferWhileTheConsumerRunsIsDeliveredAfterIt() {
        Queue<Runnable> uiQueue = new ArrayDeque<>();
        List<Integer> seen = new ArrayList<>();
        AtomicReference<Coalescer<Integer>> self = new AtomicReference<>();
        self.set(new Coalescer<>(uiQueue::add, v -> {
            seen.add(v);
            if (v == 1) {
                self.get().offer(2);
            }
        }));
        self.get().offer(1);
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
        assertEquals(List.of(1, 2), seen);
    }

    /** A slow UI thread and a fast producer: far fewer runs than offers, and the final value always arrives. */
    @Test
    void aSlowConsumerGetsFewRunsAndTheFinalValue() throws InterruptedException {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Integer> last = new AtomicReference<>();
        Coalescer<Integer> coalescer = new Coalescer<>(ui, v -> {
            runs.incrementAndGet();
            last.set(v);
            sleep(1);
        });
        for (int i = 1; i <= 10_000; i++) {
            coalescer.offer(i);
        }
        ui.shutdown();
        assertTrue(ui.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(10_000, last.get());
        assertTrue(runs.get() < 1_000, "the consumer ran " + runs.get() + " times for 10 000 offers");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
