package dev.rbee.desktop.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.QueenUrl;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real queen-rbee from the built distribution ({@code bin/queen-rbee}, jars in {@code dist/lib}) with its own
 * temporary RBEE_HOME and free ports, started the way an operator starts one, so the app treats it as persistent.
 * {@link #close()} shuts it down and fails when any process it started (hive, worker) is still alive afterwards.
 * Tokens are slowed a little (test mode) so that a cancel can land in the middle of a stream.
 */
public final class RealQueen implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Path root;
    private final Path home;
    private final String url;
    private final Process process;

    private RealQueen(Path root, Path home, String url, Process process) {
        this.root = root;
        this.home = home;
        this.url = url;
        this.process = process;
    }

    public static RealQueen start() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("rbee.root", "..")).toAbsolutePath().normalize();
        Path launcher = root.resolve("bin/queen-rbee");
        if (!Files.isDirectory(root.resolve("dist/lib")) || !Files.isExecutable(launcher)) {
            fail("The distribution is not built at " + root + "/dist: run `mvn -B package` (or verify) first");
        }
        Path home = Files.createTempDirectory("rbee-desktop-test-").toRealPath();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("queen-console.log").toFile());
        builder.environment().putAll(Map.of(
                "RBEE_HOME", home.toString(),
                "RBEE_LOCAL_HIVE_PORT", String.valueOf(freePort()),
                "RBEE_WORKER_PORT_START", String.valueOf(freePort()),
                "RBEE_FAKE_DEVICES", "none",
                "RBEE_TEST_MODE", "1",
                "RBEE_TEST_FAULTS", "worker.token_delay_ms=30"));
        builder.environment().remove("RBEE_QUEEN_URL");
        RealQueen queen = new RealQueen(root, home, "http://127.0.0.1:" + port, builder.start());
        queen.awaitHealth();
        return queen;
    }

    /** What the app would read from its surroundings, pointed at this queen (and at the built distribution). */
    public KeeperEnvironment keeperEnvironment() {
        Map<String, String> env = Map.of("RBEE_HOME", home.toString(), QueenUrl.ENV, url);
        return new KeeperEnvironment(env, new RbeeHome(home), root, new Json());
    }

    /** Queen and everything it has started so far (hives, workers), to check afterwards that they are gone. */
    public List<ProcessHandle> processTree() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
    }

    public String url() {
        return url;
    }

    public boolean answers() {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/health"))
                    .timeout(Duration.ofSeconds(1)).build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitHealth() throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (answers()) {
                return;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        fail("queen-rbee did not answer at " + url + "; see " + home.resolve("queen-console.log"));
    }

    /** The cascade (POST /v2/shutdown), then every descendant must be gone: nothing may outlive the test. */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> started = process.descendants().toList();
        try (HttpClient client = HttpClient.newHttpClient()) {
            client.send(HttpRequest.newBuilder(URI.create(url + "/v2/shutdown"))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(40)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // Queen may drop the connection as it exits; its exit is what is checked below.
        }
        boolean exited = process.waitFor(40, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && started.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
        List<Long> alive = started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        alive.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertTrue(exited, "queen-rbee did not exit within 40 s of POST /v2/shutdown");
        assertTrue(alive.isEmpty(), "still running after the queen's cascade: " + alive);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
