package dev.rbee.queen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.sse.HiveEvent;
import dev.rbee.contract.sse.ShutdownEvent;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.daemon.ClientGoneException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ClusterEventsTest {
    private final Json json = new Json();
    private final ClusterEvents events = new ClusterEvents(json, 10_000);
    /** The "cluster state" of these tests: a counter, shown in the snapshot as the name of its one hive. */
    private final AtomicInteger state = new AtomicInteger();
    private final Supplier<SnapshotEvent> snapshot = () -> new SnapshotEvent(List.of(),
            List.of(HiveStatus.stopped("n" + state.get())), List.of(), List.of());

    @Test
    void theSnapshotComesFirstThenEveryChangeInOrder() throws Exception {
        RecordingSink sink = new RecordingSink(false);
        EventSubscriber subscriber = events.subscribe(snapshot, sink);
        for (int i = 0; i < 100; i++) {
            increment();
        }
        events.shutdown();
        subscriber.run();
        List<String> frames = sink.written();
        assertEquals(103, frames.size()); // snapshot, 100 changes, shutdown, [DONE]
        assertEquals("n0", snapshotCounter(frames.getFirst()));
        for (int i = 1; i <= 100; i++) {
            assertEquals("n" + i, ((HiveEvent) read(frames.get(i))).node());
        }
        assertInstanceOf(ShutdownEvent.class, read(frames.get(101)));
        assertEquals(RecordingSink.DONE, frames.get(102));
    }

    @Test
    void aSubscriberJoiningDuringChangesMissesNoneAndSeesNoneTwice() throws Exception {
        Thread publisher = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 20_000; i++) {
                increment();
                if (i % 50 == 0) {
                    pause(); // lets the writers keep up on a busy machine; a full queue is another test's subject
                }
            }
        });
        List<RecordingSink> sinks = new ArrayList<>();
        List<EventSubscriber> subscribers = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        while (publisher.isAlive() && sinks.size() < 50) {
            RecordingSink sink = new RecordingSink(false);
            sinks.add(sink);
            EventSubscriber subscriber = events.subscribe(snapshot, sink);
            subscribers.add(subscriber);
            writers.add(Thread.ofPlatform().start(() -> runQuietly(subscriber)));
            Thread.sleep(1);
        }
        publisher.join();
        events.shutdown();
        for (Thread writer : writers) {
            writer.join(5_000);
        }
        assertTrue(sinks.size() > 1);
        for (int s = 0; s < sinks.size(); s++) {
            assertTrue(!subscribers.get(s).overflowed(), "writer " + s + " fell a whole queue behind");
            List<String> frames = sinks.get(s).written();
            int expected = Integer.parseInt(snapshotCounter(frames.getFirst()).substring(1)) + 1;
            assertEquals(RecordingSink.DONE, frames.getLast());
            for (String frame : frames.subList(1, frames.size() - 2)) {
                assertEquals("n" + expected++, ((HiveEvent) read(frame)).node());
            }
            assertEquals(state.get() + 1, expected, "every change after the snapshot arrived");
        }
    }

    @Test
    void aClientThatNeverReadsDelaysNeitherPublishersNorOtherWatchers() throws Exception {
        RecordingSink stuck = new RecordingSink(true);
        RecordingSink reader = new RecordingSink(false);
        EventSubscriber stuckSubscriber = events.subscribe(snapshot, stuck);
        EventSubscriber readerSubscriber = events.subscribe(snapshot, reader);
        Thread stuckWriter = Thread.ofVirtual().start(() -> runQuietly(stuckSubscriber));
        Thread readerWriter = Thread.ofVirtual().start(() -> runQuietly(readerSubscriber));
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            increment();
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "publishing never waits on a client");
        awaitSize(reader, 201);

        events.dropStuck(Duration.ofMinutes(1).toNanos());
        assertEquals(2, events.subscriberCount(), "not disconnected before its limit");
        Thread.sleep(50);
        events.dropStuck(Duration.ofMillis(20).toNanos());
        stuckWriter.join(2_000);
        assertTrue(stuck.aborted() && !stuckWriter.isAlive(), "the blocked writer was cut off");
        assertEquals(1, events.subscriberCount());
        increment();
        awaitSize(reader, 202);
        events.shutdown();
        readerWriter.join(2_000);
        assertEquals(RecordingSink.DONE, reader.written().getLast());
    }

    @Test
    void aWatcherThatFallsAQueueBehindIsDisconnected() {
        RecordingSink sink = new RecordingSink(true);
        EventSubscriber subscriber = events.subscribe(snapshot, sink);
        for (int i = 0; i < ClusterEvents.QUEUE_CAPACITY + 1; i++) {
            increment();
        }
        events.dropStuck(Duration.ofMinutes(1).toNanos());
        assertTrue(sink.aborted());
        assertThrows(ClientGoneException.class, subscriber::run);
    }

    @Test
    void anIdleStreamGetsKeepAlives() throws Exception {
        ClusterEvents quick = new ClusterEvents(json, 50);
        RecordingSink sink = new RecordingSink(false);
        EventSubscriber subscriber = quick.subscribe(snapshot, sink);
        Thread writer = Thread.ofVirtual().start(() -> runQuietly(subscriber));
        Thread.sleep(300);
        quick.shutdown();
        writer.join(2_000);
        assertTrue(sink.written().contains(RecordingSink.KEEP_ALIVE), sink.written().toString());
    }

    @Test
    void aWatcherArrivingAfterShutdownGetsTheSnapshotAndTheEnd() throws Exception {
        events.shutdown();
        RecordingSink sink = new RecordingSink(false);
        events.subscribe(snapshot, sink).run();
        List<String> frames = sink.written();
        assertEquals(3, frames.size());
        assertInstanceOf(ShutdownEvent.class, read(frames.get(1)));
    }

    private void increment() {
        events.change(() -> List.of(new HiveEvent("n" + state.incrementAndGet(), "running", null)));
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SseEvent read(String frame) {
        return json.read(frame, SseEvent.class);
    }

    private String snapshotCounter(String frame) {
        return ((SnapshotEvent) read(frame)).hives().getFirst().node();
    }

    private static void awaitSize(RecordingSink sink, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sink.written().size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(size, sink.written().size());
    }

    private static void runQuietly(EventSubscriber subscriber) {
        try {
            subscriber.run();
        } catch (ClientGoneException | InterruptedException e) {
            // the test looks at the sink
        }
    }
}
