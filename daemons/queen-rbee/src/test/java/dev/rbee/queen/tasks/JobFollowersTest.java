package dev.rbee.queen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.queen.events.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-job record and fan-out behind {@code GET /v2/tasks/{job_id}/stream}, without HTTP. */
class JobFollowersTest {
    private final Json json = new Json();
    private final JobFollowers followers = new JobFollowers(json, 10_000, 8);

    @Test
    void aFollowerJoiningMidStreamGetsTheEarlierTokensThenTheLiveOnesThenEnd() throws Exception {
        RecordingTaskSink submitter = new RecordingTaskSink();
        TaskSink sink = followers.track("job-1", submitter);
        tokens(sink, 0, 3);
        FollowedJob job = followers.find("job-1").orElseThrow();
        JobFollower follower = job.follow();
        Recording seen = new Recording(false);
        Thread writer = Thread.ofVirtual().start(() -> runQuietly(follower, seen));
        tokens(sink, 3, 6);
        end(sink);
        writer.join(5_000);
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "t5", "end", "[DONE]"), seen.names(json));
        assertEquals(7, submitter.events.size(), "the submitter got every event too");
    }

    @Test
    void aFinishedJobIsReplayedWithItsTerminalEventAndCloses() throws Exception {
        TaskSink sink = followers.track("job-2", new RecordingTaskSink());
        tokens(sink, 0, 2);
        end(sink);
        Recording seen = new Recording(false);
        followers.find("job-2").orElseThrow().follow().run(seen);
        assertEquals(List.of("t0", "t1", "end", "[DONE]"), seen.names(json));
    }

    @Test
    void aFollowerThatDisconnectsOrStallsNeverDisturbsTheSubmitter() throws Exception {
        RecordingTaskSink submitter = new RecordingTaskSink();
        TaskSink sink = followers.track("job-3", submitter);
        FollowedJob job = followers.find("job-3").orElseThrow();
        Recording gone = new Recording(false);
        gone.leave();
        JobFollower leaving = job.follow();
        Thread leaver = Thread.ofVirtual().start(() -> runQuietly(leaving, gone));
        Recording stuck = new Recording(true); // never reads: every write blocks until released
        JobFollower stalled = job.follow();
        Thread staller = Thread.ofVirtual().start(() -> runQuietly(stalled, stuck));
        long started = System.nanoTime();
        tokens(sink, 0, 100); // far more than the follower queue of 8
        end(sink);
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "the relay never waits on followers");
        assertEquals(101, submitter.events.size());
        leaver.join(5_000);
        assertTrue(stalled.overflowed(), "a follower 8 events behind is dropped");
        stuck.release();
        staller.join(5_000);
        List<String> names = stuck.names(json);
        assertEquals("QUEUE_FULL", names.get(names.size() - 2), "its last event says why: " + names);
        assertEquals("[DONE]", names.getLast());
    }

    @Test
    void aCallerThatLeftBeforeTheEndStillEndsItsFollowersWithTheJobsOutcome() throws Exception {
        followers.track("job-4", new RecordingTaskSink());
        JobFollower follower = followers.find("job-4").orElseThrow().follow();
        followers.finished(new dev.rbee.contract.queen.Job("job-4", "localhost", "demo:tiny", null, "failed", 0,
                null, null, null, null, new dev.rbee.contract.error.ErrorSummary("CANCELLED", "client disconnected")));
        Recording seen = new Recording(false);
        follower.run(seen);
        assertEquals(List.of("CANCELLED", "[DONE]"), seen.names(json));
    }

    private static void tokens(TaskSink sink, int from, int to) throws ClientGoneException {
        for (int i = from; i < to; i++) {
            TokenEvent token = new TokenEvent("t" + i, i);
            sink.relay(token, new Json().write(token));
        }
    }

    private static void end(TaskSink sink) throws ClientGoneException {
        EndEvent end = EndEvent.of(6, 10, StopReason.MAX_TOKENS);
        sink.relay(end, new Json().write(end));
    }

    private static void runQuietly(JobFollower follower, Recording sink) {
        try {
            follower.run(sink);
        } catch (ClientGoneException | InterruptedException e) {
            // the test's follower left
        }
    }

    static final class RecordingTaskSink implements TaskSink {
        final List<SseEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void send(SseEvent event) {
            events.add(event);
        }

        @Override
        public void relay(SseEvent event, String eventJson) {
            events.add(event);
        }

        @Override
        public void done() {
        }

        @Override
        public void keepAliveIfIdle(long idleMillis) {
        }
    }

    /** What a follower wrote; can leave at once or block in every write like a client that does not read. */
    static final class Recording implements EventSink {
        private final List<String> frames = new ArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);
        private final boolean blocking;
        private volatile boolean left;

        Recording(boolean blocking) {
            this.blocking = blocking;
        }

        void leave() {
            left = true;
        }

        void release() {
            released.countDown();
        }

        @Override
        public void data(String frame) throws ClientGoneException {
            write(frame);
        }

        @Override
        public void keepAlive() {
        }

        @Override
        public void done() throws ClientGoneException {
            write("[DONE]");
        }

        @Override
        public void abort() {
            left = true;
        }

        private void write(String frame) throws ClientGoneException {
            if (blocking) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (left) {
                throw new ClientGoneException(null);
            }
            synchronized (this) {
                frames.add(frame);
            }
        }

        private static SseEvent decode(Json json, String frame) {
            try {
                return json.decode(frame, SseEvent.class);
            } catch (Exception e) {
                throw new AssertionError("not an event: " + frame, e);
            }
        }

        /** Token text, {@code end}, an error's code, or {@code [DONE]} per frame. */
        synchronized List<String> names(Json json) {
            return frames.stream().map(f -> f.equals("[DONE]") ? f : switch (decode(json, f)) {
                case TokenEvent t -> t.t();
                case EndEvent e -> "end";
                case ErrorEvent e -> e.code();
                default -> f;
            }).toList();
        }
    }
}
