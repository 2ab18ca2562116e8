package dev.rbee.bench;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.worker.InferenceRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the relay through queen costs: the same prompt, sampled the same way, (a) as a {@code POST /v2/tasks} to a
 * running queen and (b) straight to the worker that queen started, alternating so both see the same machine state.
 * Usage: {@code RelayOverhead <model ref> <rbee root> <prompt words> <tokens> <runs>}; prints one line per path and
 * their ratios. The first job (cold start) is not counted.
 */
public final class RelayOverhead {
    private static final Json JSON = new Json();

    public static void main(String[] args) throws Exception {
        String model = args[0];
        Path root = Path.of(args[1]);
        String prompt = "word ".repeat(Integer.parseInt(args[2])).trim();
        int tokens = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        Path home = Files.createTempDirectory("rbee-relay-bench");
        int port = EngineVsWorker.freePort();
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/queen-rbee").toString(), "--port",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("RBEE_HOME", home.toString());
        builder.environment().put("RBEE_LOCAL_HIVE_PORT", String.valueOf(EngineVsWorker.freePort()));
        Process queenProcess = builder.start();
        QueenClient queen = new QueenClient(new HttpJson(Endpoint.of("http://127.0.0.1:" + port, null,
                Duration.ofSeconds(2), Duration.ofSeconds(600)), JSON));
        try {
            awaitHealth(queen);
            time(queen, model, "cold " + prompt, tokens); // starts hive and worker
            QWorker worker = queen.workersList("localhost").workers().getFirst();
            WorkerClient direct = new WorkerClient(new HttpJson(Endpoint.of(worker.url(),
                    Files.readString(home.resolve("cluster-secret")).trim(), Duration.ofSeconds(2),
                    Duration.ofSeconds(600)), JSON));
            List<Throughput> viaQueen = new ArrayList<>();
            List<Throughput> straight = new ArrayList<>();
            for (int run = 0; run <= runs; run++) {
                Throughput q = time(queen, model, "q" + run + " " + prompt, tokens);
                Throughput w = time(direct, "job-bench-" + run, "w" + run + " " + prompt, tokens);
                if (run > 0) { // the first pair warms caches
                    viaQueen.add(q);
                    straight.add(w);
                }
            }
            report(Throughput.median(straight), Throughput.median(viaQueen));
        } finally {
            try {
                queen.shutdown();
            } catch (RuntimeException alreadyGone) {
                queenProcess.destroy();
            }
            queenProcess.waitFor();
        }
    }

    private static void report(Throughput straight, Throughput viaQueen) {
        System.out.println(straight.line("worker"));
        System.out.println(viaQueen.line("queen"));
        System.out.printf("ratio   queen/worker ttft=%.3f (+%.1f ms) decode=%.3f%n",
                viaQueen.prefillMillis() / straight.prefillMillis(),
                viaQueen.prefillMillis() - straight.prefillMillis(),
                viaQueen.decodeTokensPerSecond() / straight.decodeTokensPerSecond());
    }

    private static Throughput time(QueenClient queen, String model, String prompt, int tokens) {
        return Throughput.ofStream(() -> queen.tasks(new TaskRequest(null, model, "cpu", null, prompt, tokens, 0.0, null, null, null,
                null, 1L, null)));
    }

    private static Throughput time(WorkerClient worker, String jobId, String prompt, int tokens) {
        return Throughput.ofStream(() -> worker.inference(new InferenceRequest(jobId, prompt, tokens, 0.0, null, null, null, null,
                1L, null)));
    }

    private static void awaitHealth(QueenClient queen) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                queen.health();
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("queen-rbee did not answer /health within 30 s");
    }
}
