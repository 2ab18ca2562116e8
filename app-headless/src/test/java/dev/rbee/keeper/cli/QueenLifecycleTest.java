package dev.rbee.keeper.cli;

import com.sun.net.httpserver.HttpServer;
import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.queen.QueenRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Queen ownership (cli.md §4, §5) with a real {@code bin/queen-rbee} launcher: a script in a temporary installation
 * that runs the fake queen as its own process.
 */
@Timeout(90)
class QueenLifecycleTest {
    @TempDir
    Path home;
    @TempDir
    Path dist;
    private int port;
    private ConsoleCapture capture;

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        capture = new ConsoleCapture();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        launcher("exec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.rbee.keeper.testing.ScriptedQueen \"$@\"");
    }

    /** A failed test must not leave a detached fake queen behind: ask whatever listens to shut down. */
    @AfterEach
    void stopLeftovers() throws InterruptedException {
        recordedPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        HttpRequest shutdown = HttpRequest.newBuilder(URI.create(url() + "/v2/shutdown"))
                .timeout(Duration.ofSeconds(2)).POST(HttpRequest.BodyPublishers.noBody()).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            client.send(shutdown, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // Nothing listens any more: the normal case.
        }
    }

    private void launcher(String body) throws IOException {
        Path bin = Files.createDirectories(dist.resolve("bin"));
        Path script = bin.resolve("queen-rbee");
        Files.writeString(script, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }

    private int run(String... args) {
        KeeperEnvironment env = new KeeperEnvironment(Map.of("RBEE_QUEEN_URL", url()), new RbeeHome(home), dist,
                new Json());
        return new KeeperCli(capture.console(), env, new ByteArrayInputStream(new byte[0]),
                new Interrupts(Thread.currentThread())).run(args);
    }

    private Optional<Long> recordedPid() {
        Path record = home.resolve("queen-rbee.json");
        if (!Files.exists(record)) {
            return Optional.empty();
        }
        return Optional.of(new Json().read(readQuietly(record), QueenRecord.class).pid());
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "{}";
        }
    }


    @Test
    void queenThatExitsAtOnceIsQueenStartFailedWithTheLogTail() throws IOException {
        launcher("echo \"starting on $2\"; echo 'Exception: something broke'; exit 1");
        assertEquals(1, run("infer", "--model", "demo:tiny", "--prompt", "hi"));
        assertEquals(List.of(
                "[rbee-keeper] ⚠️ demo:tiny has random weights: its output is meaningless and only shows that the "
                        + "cluster works.",
                "[rbee-keeper] 🚀 Starting queen-rbee (ephemeral) on " + url(),
                "[rbee-keeper] ❌ Error: queen-rbee did not start within 30 s (QUEEN_START_FAILED)",
                "  starting on " + port,
                "  Exception: something broke",
                "💡 Full log: " + home.resolve("logs/queen-rbee.log")), capture.errLines());
    }

    @Test
    void portTakenByAnotherProgramIsPortInUse() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        other.start();
        try {
            assertEquals(1, run("infer", "--model", "hf:org/repo", "--prompt", "hi"));
            assertEquals(List.of("[rbee-keeper] ❌ Error: Port " + port + " is in use by another program (PORT_IN_USE)",
                    "💡 Use another port: --queen-url http://127.0.0.1:" + (port + 1)), capture.errLines());
        } finally {
            other.stop(0);
        }
    }


    @Test
    void remoteQueenIsNeverStarted() {
        KeeperEnvironment env = new KeeperEnvironment(Map.of(), new RbeeHome(home), dist, new Json());
        int code = new KeeperCli(capture.console(), env, new ByteArrayInputStream(new byte[0]),
                new Interrupts(Thread.currentThread())).run("infer", "--model", "demo:tiny", "--prompt", "hi",
                "--queen-url", "http://192.0.2.1:" + port, "--json");
        assertEquals(1, code);
        assertTrue(capture.out().startsWith("{\"type\":\"error\",\"code\":\"QUEEN_UNREACHABLE\""), capture.out());
        assertEquals("", capture.err());
    }
}
