package dev.rbee.queen.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Node;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HivePeerTest {
    private final List<String> narrated = new ArrayList<>();

    private static HivePeer peerAt(int port) {
        Node node = new Node("workstation", "127.0.0.1", 22, "ops", null, "/home/ops/rbee", port, null,
                "reachable", null, null, List.of(), Map.of(), null, null, null);
        return new HivePeer(node, "secret", new Json());
    }

    /** A hive with fixed answers for health and the worker list. */
    private static HttpServer hive(String health, String workers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/health", ex -> answer(ex, health));
        server.createContext("/v1/workers/list", ex -> answer(ex, workers));
        server.start();
        return server;
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static String health(String version) {
        return "{\"status\":\"alive\",\"version\":\"" + version + "\",\"api_version\":\"v1\",\"node\":\"workstation\"}";
    }

    @Test
    void nothingListeningMeansNoHiveWithoutRetries() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertTrue(peerAt(port).connect(narrated::add).isEmpty());
        assertEquals(List.of(), narrated);
    }

    @Test
    void aMatchingHiveIsUsedAndAPatchDifferenceIsAccepted() throws IOException {
        HttpServer server = hive(health("0.1.3"), "{\"workers\":[]}");
        try {
            assertTrue(peerAt(server.getAddress().getPort()).connect(narrated::add).isPresent());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anotherMinorVersionIsRefused() throws IOException {
        HttpServer server = hive(health("0.2.0"), "{\"workers\":[]}");
        try {
            RbeeException e = assertThrows(RbeeException.class,
                    () -> peerAt(server.getAddress().getPort()).connect(narrated::add));
            assertEquals("VERSION_MISMATCH", e.code());
            assertEquals("rbee-hive on workstation is 0.2.0 but queen-rbee is 0.1.0", e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aMalformedWorkerListIsAnInternalErrorNamingTheHive() throws IOException {
        HttpServer server = hive(health("0.1.0"), "{ workers: [ incomplete");
        try {
            RbeeException e = assertThrows(RbeeException.class,
                    () -> peerAt(server.getAddress().getPort()).connect(narrated::add));
            assertEquals("INTERNAL_ERROR", e.code());
            assertTrue(e.getMessage().startsWith("Invalid response from rbee-hive on workstation: "), e.getMessage());
            assertTrue(e.getMessage().matches(".* at position \\d+$"), e.getMessage());
            assertEquals("hive", e.details().get("target"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aHealthAnswerWithoutVersionIsOffContract() throws IOException {
        HttpServer server = hive("{\"status\":\"alive\"}", "{\"workers\":[]}");
        try {
            RbeeException e = assertThrows(RbeeException.class,
                    () -> peerAt(server.getAddress().getPort()).connect(narrated::add));
            assertEquals("INTERNAL_ERROR", e.code());
            assertEquals("Invalid response from rbee-hive on workstation: GET /v1/health has no version",
                    e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    /** A hive that accepts and hangs up before answering: 3 attempts, 200 ms and 400 ms apart, each narrated. */
    @Test
    void resetsAreRetriedTwiceThenHiveUnreachable() throws Exception {
        try (ServerSocket hangUp = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                while (!hangUp.isClosed()) {
                    try (Socket s = hangUp.accept()) {
                        s.getInputStream().read();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            long start = System.nanoTime();
            RbeeException e = assertThrows(RbeeException.class,
                    () -> peerAt(hangUp.getLocalPort()).connect(narrated::add));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals("HIVE_UNREACHABLE", e.code());
            assertEquals("Cannot connect to rbee-hive on workstation at http://127.0.0.1:" + hangUp.getLocalPort()
                    + " after 3 attempts", e.getMessage());
            assertEquals(List.of("⏳ Attempt 2/3: connecting to rbee-hive on workstation (delay 200ms)",
                    "⏳ Attempt 3/3: connecting to rbee-hive on workstation (delay 400ms)"), narrated);
            assertTrue(millis >= 600, "waited only " + millis + " ms");
        }
    }
}
