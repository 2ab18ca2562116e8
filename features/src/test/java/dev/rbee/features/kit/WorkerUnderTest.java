package dev.rbee.features.kit;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.worker.InferenceRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One llm-worker-rbee started directly from its launcher, without a hive, as the worker scenarios need: its process,
 * a client carrying the cluster secret, and the jobs streaming from it.
 */
public final class WorkerUnderTest {
    public static final String SECRET = ScenarioWorld.CLUSTER_SECRET;

    /** An event and when it arrived (nanoTime). */
    public record Timed(SseEvent event, long atNanos) {
    }

    private final CommandRun process;
    private final int port;
    private final Json json = new Json();
    private final Map<String, CompletableFuture<List<Timed>>> jobs = new ConcurrentHashMap<>();

    private WorkerUnderTest(CommandRun process, int port) {
        this.process = process;
        this.port = port;
    }

    public static WorkerUnderTest start(Path root, Map<String, String> env, Path model, int slots) {
        return start(root, env, model, slots, "cpu");
    }

    public static WorkerUnderTest start(Path root, Map<String, String> env, Path model, int slots, String backend) {
        int port = FreePorts.next();
        Map<String, String> withSecret = new java.util.HashMap<>(env);
        withSecret.put("RBEE_CLUSTER_SECRET", SECRET);
        CommandRun run = CommandRun.start(List.of(root.resolve("bin/llm-worker-rbee").toString(), "--worker-id",
                "worker-5c01", "--model", model.toString(), "--model-ref", "file:" + model, "--backend", backend,
                "--device", "0", "--port", String.valueOf(port), "--slots", String.valueOf(slots)), withSecret);
        return new WorkerUnderTest(run, port);
    }

    public CommandRun process() {
        return process;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public WorkerClient client() {
        return client(SECRET);
    }

    /** A client with another token (or none, when null), for the authentication scenarios. */
    public WorkerClient client(String token) {
        return new WorkerClient(new HttpJson(Endpoint.of(url(), token, Duration.ofSeconds(2), Duration.ofSeconds(10)),
                json));
    }

    /** Starts a job whose events are collected in the background, each with its arrival time. */
    public void startJob(String jobId, int maxTokens) {
        SseResponse response = client().inference(request(jobId, maxTokens));
        jobs.put(jobId, CompletableFuture.supplyAsync(() -> collect(response),
                r -> Thread.ofPlatform().daemon().start(r)));
    }

    public static InferenceRequest request(String jobId, int maxTokens) {
        return new InferenceRequest(jobId, "write a short story", maxTokens, 0.7, null, null, null, null, 7L, null);
    }

    public List<Timed> awaitJob(String jobId, long seconds) throws Exception {
        return jobs.get(jobId).get(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static List<Timed> collect(SseResponse response) {
        List<Timed> events = new ArrayList<>();
        try (response) {
            response.events().forEachRemaining(e -> events.add(new Timed(e, System.nanoTime())));
        }
        return events;
    }
}
