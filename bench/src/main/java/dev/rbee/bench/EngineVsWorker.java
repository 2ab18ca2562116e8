package dev.rbee.bench;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.worker.InferenceRequest;
import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.Engines;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decode and prefill speed of one GGUF file, (a) through the engine called in this JVM and (b) through an
 * llm-worker-rbee process over HTTP/SSE, measured the same way from token arrival times. Usage:
 * {@code EngineVsWorker <model.gguf> <rbee root> <prompt words> <tokens> <runs>}; prints one line per side.
 */
public final class EngineVsWorker {
    private static final String SECRET = "bench-secret";
    /** Which engine both sides use: {@code -Drbee.engine=llama-jni} compares the JNI binding instead. */
    private static final String ENGINE = System.getProperty("rbee.engine", Engines.LLAMA_CAPI);

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path root = Path.of(args[1]);
        String prompt = "word ".repeat(Integer.parseInt(args[2])).trim();
        int tokens = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        Throughput engine = engine(model, prompt, tokens, runs);
        Throughput worker = worker(model, root, prompt, tokens, runs);
        System.out.println(engine.line("engine"));
        System.out.println(worker.line("worker"));
        System.out.printf("ratio   worker/engine prefill=%.3f decode=%.3f%n",
                worker.prefillTokensPerSecond() / engine.prefillTokensPerSecond(),
                worker.decodeTokensPerSecond() / engine.decodeTokensPerSecond());
        System.exit(0); // llama.cpp's threads keep the JVM alive otherwise
    }

    private static Throughput engine(Path model, String prompt, int tokens, int runs) {
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        try (LoadedModel loaded = Engines.create(ENGINE, quiet).load(LoadRequest.cpu(model, 2048, 1),
                (a, b, c) -> { })) {
            List<Throughput> results = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                List<Long> times = new ArrayList<>();
                long start = System.nanoTime();
                // A different first word each run: llama.cpp caches a repeated prompt, which would hide prefill.
                GenerationResult result = loaded.generate(new GenerationRequest(run + " " + prompt, tokens, 0.0, 1.0,
                        0, 0.0, 1.0, 1, List.of()), text -> times.add(System.nanoTime()), () -> false);
                if (run > 0) { // the first run warms caches and is not counted
                    results.add(Throughput.of(start, times, result.promptTokens()));
                }
            }
            return Throughput.median(results);
        }
    }

    private static Throughput worker(Path model, Path root, String prompt, int tokens, int runs) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/llm-worker-rbee").toString(), "--worker-id",
                "worker-be00", "--model", model.toString(), "--model-ref", "file:" + model, "--port",
                String.valueOf(port), "--engine", ENGINE).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("RBEE_CLUSTER_SECRET", SECRET);
        Process process = builder.start();
        try {
            WorkerClient client = new WorkerClient(new HttpJson(Endpoint.of("http://127.0.0.1:" + port, SECRET,
                    Duration.ofSeconds(2), Duration.ofSeconds(600)), new Json()));
            awaitIdle(client);
            List<Throughput> results = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                Throughput t = overHttp(client, "job-bench" + run, run + " " + prompt, tokens);
                if (run > 0) {
                    results.add(t);
                }
            }
            return Throughput.median(results);
        } finally {
            process.getOutputStream().close(); // end of stdin: the worker stops
            process.waitFor();
        }
    }

    private static Throughput overHttp(WorkerClient client, String jobId, String prompt, int tokens) {
        return Throughput.ofStream(() -> client.inference(new InferenceRequest(jobId, prompt, tokens, 0.0, null, null,
                null, null, 1L, null)));
    }

    private static void awaitIdle(WorkerClient client) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            try {
                if ("idle".equals(client.ready().state())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("worker not ready after 10 min");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
