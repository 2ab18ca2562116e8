package dev.rbee.bench;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A standalone {@code bin/rbee-hive daemon} as the acceptance tests start it: its own RBEE_HOME, a cluster secret in
 * env, free ports for itself and its workers, the hub at {@code RBEE_HF_ENDPOINT}. It runs with {@code --watch-stdin}
 * so that it (and with it its workers) stops when this JVM dies however it dies; every pid it and its workers get
 * is appended to {@code pids}, which bench/hive-provisioning.sh kills on exit.
 */
final class BenchHive implements AutoCloseable {
    private static final String SECRET = "bench-secret";

    private final Process process;
    private final HiveClient client;
    private final Path pids;

    private BenchHive(Process process, HiveClient client, Path pids) {
        this.process = process;
        this.client = client;
        this.pids = pids;
    }

    static BenchHive start(Path root, Path home, String hubUrl, Path pids) throws IOException, InterruptedException {
        int port = EngineVsWorker.freePort();
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/rbee-hive").toString(), "daemon", "--port",
                String.valueOf(port), "--worker-port", String.valueOf(EngineVsWorker.freePort()), "--watch-stdin")
                .redirectErrorStream(true).redirectOutput(home.resolve("hive-console.log").toFile());
        builder.environment().put("RBEE_HOME", home.toString());
        builder.environment().put("RBEE_CLUSTER_SECRET", SECRET);
        builder.environment().put("RBEE_HF_ENDPOINT", hubUrl);
        BenchHive hive = new BenchHive(builder.start(), new HiveClient(new HttpJson(Endpoint.of(
                "http://127.0.0.1:" + port, SECRET, Duration.ofSeconds(2), Duration.ofSeconds(120)), new Json())),
                pids);
        hive.recordPid(hive.process.pid());
        hive.awaitHealth(home);
        return hive;
    }

    HiveClient client() {
        return client;
    }

    void recordPid(long pid) throws IOException {
        Files.writeString(pids, pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void awaitHealth(Path home) throws InterruptedException, IOException {
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) {
                break;
            }
            try {
                client.health();
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("rbee-hive did not answer /v1/health within 30 s:\n"
                + Files.readString(home.resolve("hive-console.log")));
    }

    /** Admin shutdown (stops its workers), then end of stdin, then a kill of whatever is still running. */
    @Override
    public void close() throws InterruptedException {
        try {
            client.adminShutdown();
        } catch (RuntimeException alreadyGone) {
            // stdin and the kill below still stop it
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is gone with the process
        }
        if (!process.waitFor(35, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
