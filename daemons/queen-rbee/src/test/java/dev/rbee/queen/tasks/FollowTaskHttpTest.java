package dev.rbee.queen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.daemon.BearerAuth;
import dev.rbee.daemon.DaemonIdentity;
import dev.rbee.daemon.HttpDaemon;
import dev.rbee.queen.events.ClusterEvents;
import dev.rbee.queen.registry.WorkerDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v2/tasks/{job_id}/stream} over HTTP on queen's real route and auth, read through the contract's
 * {@code QueenClient.followTask}. The job's events are fed to the submitter's sink as the relay would feed them; the
 * whole path with a real worker is exercised by the desktop's BoardWindowTest.
 */
class FollowTaskHttpTest {
    private static final String KEY = "user-key";
    static final Json JSON = new Json();
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();
    static HttpDaemon http;
    static TaskService tasks;
    static QueenClient client;

    @BeforeAll
    static void start() {
        ClusterEvents events = new ClusterEvents(JSON, ClusterEvents.DEFAULT_KEEP_ALIVE_MS);
        JobRegistry jobs = new JobRegistry(events);
        WorkerDirectory directory = new WorkerDirectory(events);
        tasks = new TaskService(jobs, null, directory, new WorkerClients("secret", JSON), JSON, TIMER,
                Duration.ofSeconds(60), () -> false);
        http = HttpDaemon.start(new DaemonIdentity("queen-rbee", "0.1.0", JSON), "127.0.0.1", 0,
                dev.rbee.queen.http.QueenRoutes.auth("secret", Optional.of(KEY)),
                r -> r.get(ApiPaths.TASK_STREAM_TEMPLATE, tasks::follow));
        client = new QueenClient(new HttpJson(Endpoint.of("http://127.0.0.1:" + http.port(), KEY,
                Duration.ofSeconds(2), Duration.ofSeconds(10)), JSON));
    }

    @AfterAll
    static void stop() {
        http.stop();
        TIMER.shutdownNow();
    }

    @Test
    void anUnknownJobIs404JobNotFound() {
        RbeeException e = assertThrows(RbeeException.class, () -> client.followTask("job-nope"));
        assertEquals("JOB_NOT_FOUND", e.code());
        assertEquals("job-nope", e.details().get("job_id"));
    }

    @Test
    void aFollowerJoiningMidStreamGetsEarlierThenLiveTokensThenEnd() throws Exception {
        JobFollowersTest.RecordingTaskSink submitter = new JobFollowersTest.RecordingTaskSink();
        TaskSink sink = tasks.followers().track("job-http", submitter);
        relayTokens(sink, 0, 3);
        List<SseEvent> seen = new ArrayList<>();
        try (SseResponse follow = client.followTask("job-http")) {
            for (int i = 0; i < 3; i++) {
                seen.add(follow.events().next()); // the replay, before anything new is relayed
            }
            relayTokens(sink, 3, 5);
            relay(sink, EndEvent.of(5, 10, StopReason.EOS));
            follow.events().forEachRemaining(seen::add);
            assertTrue(follow.events().sawDone(), "the stream ends with [DONE]");
        }
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4"), seen.stream().filter(TokenEvent.class::isInstance)
                .map(e -> ((TokenEvent) e).t()).toList());
        assertTrue(seen.getLast() instanceof EndEvent, "then end: " + seen.getLast());
        assertEquals(6, submitter.events.size());
    }

    @Test
    void aFollowerThatDisconnectsDoesNotDisturbTheSubmitter() throws Exception {
        JobFollowersTest.RecordingTaskSink submitter = new JobFollowersTest.RecordingTaskSink();
        TaskSink sink = tasks.followers().track("job-left", submitter);
        relayTokens(sink, 0, 2);
        try (SseResponse follow = client.followTask("job-left")) {
            follow.events().next();
        } // the follower hangs up mid-stream
        relayTokens(sink, 2, 50);
        relay(sink, EndEvent.of(50, 10, StopReason.MAX_TOKENS));
        assertEquals(51, submitter.events.size());
        try (SseResponse again = client.followTask("job-left")) { // the job's record is intact for a new follower
            List<SseEvent> all = new ArrayList<>();
            again.events().forEachRemaining(all::add);
            assertEquals(51, all.size());
        }
    }

    private static void relayTokens(TaskSink sink, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            relay(sink, new TokenEvent("t" + i, i));
        }
    }

    private static void relay(TaskSink sink, SseEvent event) throws Exception {
        sink.relay(event, JSON.write(event));
    }
}
