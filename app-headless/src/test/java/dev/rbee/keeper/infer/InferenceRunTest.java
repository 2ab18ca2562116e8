package dev.rbee.keeper.infer;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.testing.Events;
import dev.rbee.keeper.testing.ScriptedQueen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InferenceRunTest {
    @TempDir
    Path home;
    private ScriptedQueen queen;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Boolean> cancellations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startQueen() throws Exception {
        queen = ScriptedQueen.start();
    }

    @AfterEach
    void stopQueen() {
        queen.close();
    }

    private InferenceRun run(Duration grace, Duration idle) {
        KeeperEnvironment env = new KeeperEnvironment(Map.of(), new RbeeHome(home), home, new Json());
        QueenUrl url = QueenUrl.parse(queen.url());
        TaskRequest request = InferenceOptionsValidator.validate(InferenceOptions.of("demo:tiny", "hi"));
        InferenceListener listener = new InferenceListener() {
            @Override
            public void event(SseEvent event, String rawJson) {
                received.add(rawJson);
            }

            @Override
            public void cancelling(boolean jobStarted) {
                cancellations.add(jobStarted);
            }
        };
        return new InferenceRun(env.queenClient(url), url, request, new PartialResults(home.resolve("partial")),
                listener, grace, idle);
    }

    private InferenceRun run() {
        return run(InferenceRun.CANCEL_GRACE, InferenceRun.IDLE_LIMIT);
    }


    @Test
    void errorEventFailsAndSavesThePartialText() throws Exception {
        queen.script((ex, q) -> {
            OutputStream out = q.open(ex, "job-000042");
            ScriptedQueen.send(out, Events.started("job-000042"));
            ScriptedQueen.send(out, Events.token("Once", 0));
            ScriptedQueen.send(out, Events.token(" upon", 1));
            ScriptedQueen.send(out, Events.error("VRAM_OOM", "Out of device memory"));
            ScriptedQueen.done(out);
        });
        InferenceOutcome.Failed failed = assertInstanceOf(InferenceOutcome.Failed.class, run().run());
        assertEquals("VRAM_OOM", failed.error().code());
        assertEquals("rbee-hive", failed.error().component().orElseThrow());
        assertTrue(failed.fromEvent());
        assertEquals(2, failed.partial().tokens());
        assertEquals(20, failed.partial().maxTokens());
        assertEquals("Once upon", Files.readString(home.resolve("partial/job-000042.txt")));
    }

    @Test
    void streamWithoutTerminalEventCancelsTheJobAndIsInterrupted() throws Exception {
        queen.script((ex, q) -> {
            OutputStream out = q.open(ex, "job-000043");
            ScriptedQueen.send(out, Events.started("job-000043"));
            ScriptedQueen.send(out, Events.token("Once", 0));
        });
        InferenceOutcome.Failed failed = assertInstanceOf(InferenceOutcome.Failed.class, run().run());
        assertEquals("STREAM_INTERRUPTED", failed.error().code());
        assertEquals("Connection to queen-rbee lost during inference", failed.error().getMessage());
        assertFalse(failed.fromEvent());
        assertEquals(List.of("job-000043"), queen.cancels());
        assertEquals("Once", Files.readString(failed.partial().file()));
    }

    @Test
    void silenceLongerThanTheLimitIsInterruptedWithTheIdleMessage() {
        queen.script((ex, q) -> {
            OutputStream out = q.open(ex, "job-000044");
            ScriptedQueen.send(out, Events.started("job-000044"));
            Thread.sleep(5_000);
        });
        InferenceOutcome.Failed failed = assertInstanceOf(InferenceOutcome.Failed.class,
                run(Duration.ofSeconds(5), Duration.ofMillis(300)).run());
        assertEquals("No data from queen-rbee for 60 s", failed.error().getMessage());
        assertFalse(failed.partial().hasTokens());
        assertNull(failed.partial().file());
        assertEquals(List.of("job-000044"), queen.cancels());
    }

    @Test
    void errorAnswerBeforeTheStreamIsShownAsItCame() {
        queen.script((ex, q) -> ScriptedQueen.reply(ex, 404, "{\"error\":{\"code\":\"NODE_NOT_FOUND\",\"message\":"
                + "\"Node 'workstation' is not registered\",\"details\":{\"component\":\"queen-rbee\"}}}"));
        InferenceOutcome.Failed failed = assertInstanceOf(InferenceOutcome.Failed.class, run().run());
        assertEquals("NODE_NOT_FOUND", failed.error().code());
        assertEquals("Node 'workstation' is not registered", failed.error().getMessage());
        assertNull(failed.partial());
    }

    @Test
    void cancelWithAJobIdDeletesItAndWaitsForEndCancelled() throws Exception {
        queen.script((ex, q) -> {
            OutputStream out = q.open(ex, "job-000045");
            ScriptedQueen.send(out, Events.started("job-000045"));
            ScriptedQueen.send(out, Events.token("Once", 0));
            if (q.awaitCancel(5_000)) {
                ScriptedQueen.send(out, Events.end(1, "CANCELLED"));
                ScriptedQueen.done(out);
            }
        });
        InferenceRun run = run();
        Thread canceller = Thread.ofPlatform().start(() -> {
            awaitEvents(2);
            run.cancel();
        });
        InferenceOutcome.Canceled canceled = assertInstanceOf(InferenceOutcome.Canceled.class, run.run());
        canceller.join();
        assertTrue(canceled.confirmed());
        assertEquals("job-000045", canceled.jobId());
        assertEquals(List.of(true), cancellations);
        assertEquals(List.of("job-000045"), queen.cancels());
        assertFalse(Files.exists(home.resolve("partial")), "no partial file on Ctrl+C");
    }

    @Test
    void cancelWithoutConfirmationGivesUpAfterTheGracePeriod() throws Exception {
        queen.script((ex, q) -> {
            OutputStream out = q.open(ex, "job-000046");
            ScriptedQueen.send(out, Events.started("job-000046"));
            Thread.sleep(5_000);
        });
        InferenceRun run = run(Duration.ofMillis(300), InferenceRun.IDLE_LIMIT);
        Thread canceller = Thread.ofPlatform().start(() -> {
            awaitEvents(1);
            run.cancel();
        });
        long start = System.nanoTime();
        InferenceOutcome.Canceled canceled = assertInstanceOf(InferenceOutcome.Canceled.class, run.run());
        canceller.join();
        assertFalse(canceled.confirmed());
        assertEquals("localhost", canceled.node());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4_000);
    }

    @Test
    void endCancelledThatThisKeeperDidNotAskForIsAFailure() {
        queen.script((ex, q) -> {
            OutputStream out = q.open(ex, "job-7f3c9a");
            ScriptedQueen.send(out, Events.started("job-7f3c9a"));
            ScriptedQueen.send(out, Events.end(0, StopReason.CANCELLED.name()));
            ScriptedQueen.done(out);
        });
        InferenceOutcome.Failed failed = assertInstanceOf(InferenceOutcome.Failed.class, run().run());
        assertEquals("CANCELLED", failed.error().code());
        assertEquals("Job job-7f3c9a was canceled by another client", failed.error().getMessage());
        assertNull(failed.partial());
    }

    @Test
    void nobodyListeningIsQueenUnreachable() {
        queen.close();
        InferenceOutcome.Failed failed = assertInstanceOf(InferenceOutcome.Failed.class, run().run());
        assertEquals("QUEEN_UNREACHABLE", failed.error().code());
    }

    private void awaitEvents(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
