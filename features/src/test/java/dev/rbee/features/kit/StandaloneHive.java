package dev.rbee.features.kit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * rbee-hive started by the test itself, without a queen (no {@code --queen-url}), so a scenario can call the hive's
 * own API with the cluster secret the test chose. Scenarios about the model catalog need nothing more.
 */
public final class StandaloneHive {
    public record Answer(int status, String body) {
    }

    private final Path root;
    private final ScenarioWorld world;
    private final String secret;
    private final int port;
    private final String nodeName;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private CommandRun process;

    public StandaloneHive(Path root, ScenarioWorld world) {
        this(root, world, world.localHivePort(), "test-secret-" + Long.toHexString(System.nanoTime()), "localhost");
    }

    /** A hive on {@code port} under {@code nodeName} that accepts {@code secret}, e.g. queen's for a node's hive. */
    public StandaloneHive(Path root, ScenarioWorld world, int port, String secret, String nodeName) {
        this.root = root;
        this.world = world;
        this.port = port;
        this.secret = secret;
        this.nodeName = nodeName;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public CommandRun process() {
        return process;
    }

    public void start(Map<String, String> extraEnv) throws InterruptedException {
        Map<String, String> env = new HashMap<>(world.env());
        env.putAll(extraEnv);
        env.put("RBEE_CLUSTER_SECRET", secret);
        process = CommandRun.start(List.of(root.resolve("bin/rbee-hive").toString(), "daemon", "--port",
                String.valueOf(port), "--node-name", nodeName), env);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (get("/v1/health").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("rbee-hive did not come up; stderr: " + process.stderr());
    }

    /** Admin shutdown, then wait for the process to end. */
    public void stop() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        send("POST", "/v1/admin/shutdown", null);
        process.awaitExit(40);
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    public Answer send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + secret);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** The raw SSE body of a stream, read to its end (the server closes after {@code [DONE]}). */
    public String stream(String path, Duration limit) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + secret).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream in = response.body()) {
                return "HTTP " + response.statusCode() + " " + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Thread reader = Thread.currentThread();
        Thread guard = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(limit.toMillis());
                reader.interrupt();
            } catch (InterruptedException done) {
                // finished in time
            }
        });
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            guard.interrupt();
        }
    }
}
