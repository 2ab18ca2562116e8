package dev.rbee.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.contract.worker.InferenceRequest;
import dev.rbee.daemon.BearerAuth;
import dev.rbee.daemon.DaemonIdentity;
import dev.rbee.daemon.HttpDaemon;
import dev.rbee.daemon.TestFaults;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.demo.DemoModels;
import dev.rbee.engine.llamacpp.LlamaCppEngine;
import dev.rbee.worker.http.WorkerRoutes;
import dev.rbee.worker.inference.ActiveJobs;
import dev.rbee.worker.inference.InferenceService;
import dev.rbee.worker.loading.LoadingFeed;
import dev.rbee.worker.loading.ModelLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The worker's HTTP side over a real llama.cpp model on a free port, talked to through the contract's client. */
class WorkerHttpTest {
    private static final String SECRET = "test-secret";
    @TempDir
    static Path dir;
    static HttpDaemon http;
    static LoadedModel model;
    static WorkerClient client;
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void start() throws Exception {
        Json json = new Json();
        WorkerConfig config = new WorkerConfig("worker-test", "localhost", DemoModels.ensureDemoTiny(dir), "demo:tiny",
                "cpu", 0, "127.0.0.1", 0, null, 1, 512, "llama-capi", SECRET);
        WorkerStatus status = new WorkerStatus(config.workerId(), 1);
        LoadingFeed loading = new LoadingFeed();
        ActiveJobs jobs = new ActiveJobs();
        TestFaults slowTokens = TestFaults.fromEnvironment(Map.of("RBEE_TEST_MODE", "1",
                "RBEE_TEST_FAULTS", "worker.token_delay_ms=40"), LoggerFactory.getLogger("test"));
        model = new ModelLoader(new dev.rbee.engine.ffm.FfmEngine(), config, status, loading, slowTokens).load()
                .orElseThrow();
        InferenceService inference = new InferenceService(config, status, jobs, () -> model, json, TIMER, slowTokens);
        WorkerRoutes routes = new WorkerRoutes(config, "llama.cpp", status, loading, inference, jobs, () -> { }, json);
        http = HttpDaemon.start(new DaemonIdentity("llm-worker-rbee", "0.1.0", json), "127.0.0.1", 0,
                BearerAuth.required(SECRET, Set.of("/health")), routes::register);
        client = new WorkerClient(new HttpJson(Endpoint.of("http://127.0.0.1:" + http.port(), SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(10)), json));
    }

    @AfterAll
    static void stop() {
        http.stop();
        model.close();
        TIMER.shutdownNow();
    }

    private static InferenceRequest request(String jobId, int maxTokens) {
        return new InferenceRequest(jobId, "write a short story", maxTokens, 0.7, null, null, null, null, 7L, null);
    }

    private record Timed(SseEvent event, long atNanos) {
    }

    private static List<Timed> drain(SseResponse response) {
        List<Timed> events = new ArrayList<>();
        try (response) {
            response.events().forEachRemaining(e -> events.add(new Timed(e, System.nanoTime())));
            assertTrue(response.events().sawDone(), "stream must end with [DONE]");
        }
        return events;
    }

    @Test
    void healthIsPublicAndReportsIdle() {
        var health = client.health();
        assertEquals("healthy", health.status());
        assertEquals("worker-test", health.workerId());
        assertEquals("demo:tiny", health.modelRef());
        assertEquals(1, health.slotsTotal());
        assertTrue(health.rssBytes() > 10_000_000, "resident memory " + health.rssBytes());
    }

    @Test
    void streamsStartedTokensMetricsAndEndWithTokensArrivingBeforeTheEnd() {
        List<Timed> events = drain(client.inference(request("job-stream", 10)));
        StartedEvent started = assertInstanceOf(StartedEvent.class, events.getFirst().event());
        assertEquals(7L, started.seed());
        assertEquals("demo:tiny", started.model());
        List<Timed> tokens = events.stream().filter(t -> t.event() instanceof TokenEvent).toList();
        assertEquals(10, tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(i, ((TokenEvent) tokens.get(i).event()).i());
        }
        assertInstanceOf(MetricsEvent.class, events.get(events.size() - 2).event());
        EndEvent end = assertInstanceOf(EndEvent.class, events.getLast().event());
        assertEquals(StopReason.MAX_TOKENS, end.stopReason());
        assertEquals(10, end.tokensOut());
        long firstTokenToEndMs = (events.getLast().atNanos() - tokens.getFirst().atNanos()) / 1_000_000;
        assertTrue(firstTokenToEndMs >= 200, "first token arrived only " + firstTokenToEndMs + " ms before the end");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        InferenceRequest bad = new InferenceRequest("job-bad", "", 0, 3.5, null, null, null, null, null, null);
        RbeeException e = assertThrows(RbeeException.class, () -> client.inference(bad));
        assertEquals(400, e.status());
        assertEquals("INVALID_REQUEST", e.code());
        assertEquals("3 invalid field(s)", e.getMessage());
        assertEquals("llm-worker-rbee", e.component().orElseThrow());
    }

    @Test
    void aBusySlotAnswers503AndCancelEndsTheJobWithCancelled() throws Exception {
        CompletableFuture<List<Timed>> first = CompletableFuture.supplyAsync(
                () -> drain(client.inference(request("job-long", 200))));
        waitUntilBusy();
        RbeeException busy = assertThrows(RbeeException.class, () -> client.inference(request("job-second", 5)));
        assertEquals("ALL_SLOTS_BUSY", busy.code());
        assertEquals(503, busy.status());
        assertEquals(1, busy.details().get("slots_total"));
        long cancelAt = System.nanoTime();
        client.cancel("job-long");
        List<Timed> events = first.get();
        EndEvent end = assertInstanceOf(EndEvent.class, events.getLast().event());
        assertEquals(StopReason.CANCELLED, end.stopReason());
        assertTrue((events.getLast().atNanos() - cancelAt) / 1_000_000 < 1000, "cancel took too long");
        client.cancel("job-long"); // idempotent: finished job
        client.cancel("job-never-existed");
        assertEquals(StopReason.MAX_TOKENS, ((EndEvent) drain(client.inference(request("job-after", 2)))
                .getLast().event()).stopReason(), "the slot is free again");
    }

    @Test
    void loadingProgressAfterTheLoadIsReadyAtOnce() {
        List<Timed> events = drain(client.loadingProgress());
        assertEquals(1, events.size());
        assertInstanceOf(ReadyEvent.class, events.getFirst().event());
    }

    private static void waitUntilBusy() throws InterruptedException {
        for (int i = 0; i < 100 && !"busy".equals(client.ready().state()); i++) {
            Thread.sleep(20);
        }
        assertEquals("busy", client.ready().state());
    }
}
