package dev.rbee.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rbee.contract.error.RbeeException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class WorkerStatusTest {
    @Test
    void loadingWorkerRefusesWithWorkerNotReady() {
        WorkerStatus status = new WorkerStatus("worker-1", 1);
        RbeeException e = assertThrows(RbeeException.class, status::acquireSlot);
        assertEquals("WORKER_NOT_READY", e.code());
        assertEquals("loading", e.details().get("state"));
    }

    @Test
    void drainingWorkerRefusesNewWork() {
        WorkerStatus status = new WorkerStatus("worker-1", 2);
        status.loaded();
        status.drain();
        assertEquals("WORKER_NOT_READY", assertThrows(RbeeException.class, status::acquireSlot).code());
    }

    @RepeatedTest(20)
    void twoRequestsForTheLastSlotExactlyOneWins() throws Exception {
        WorkerStatus status = new WorkerStatus("worker-1", 1);
        status.loaded();
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        Thread[] racers = new Thread[2];
        for (int i = 0; i < 2; i++) {
            racers[i] = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    status.acquireSlot();
                    won.incrementAndGet();
                } catch (RbeeException e) {
                    busy.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        go.countDown();
        for (Thread t : racers) {
            t.join();
        }
        assertEquals(1, won.get());
        assertEquals(1, busy.get());
        assertEquals("busy", status.state());
        status.releaseSlot();
        assertEquals("idle", status.state());
    }
}
