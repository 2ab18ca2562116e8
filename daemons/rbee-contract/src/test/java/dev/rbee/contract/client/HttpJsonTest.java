package dev.rbee.contract.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.QueenHealth;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.Sse;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.TokenEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpJsonTest {
    private final Json json = new Json();
    private final Map<String, String> seenHeaders = new ConcurrentHashMap<>();
    private HttpServer server;
    private QueenClient queen;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        Endpoint endpoint = Endpoint.of("http://127.0.0.1:" + server.getAddress().getPort(), "secret-token",
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        queen = new QueenClient(new HttpJson(endpoint, json).withCorrelationId("corr-1"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        seenHeaders.put("accept", String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
        seenHeaders.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        seenHeaders.put("correlation", String.valueOf(exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
        seenHeaders.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        switch (route) {
            case "GET /health" -> reply(exchange, 200, "application/json", "{\"status\":\"ok\",\"version\":\"0.1.0\"}");
            case "GET /v2/tasks/job-404" -> reply(exchange, 404, "application/json",
                    "{\"error\":{\"code\":\"JOB_NOT_FOUND\",\"message\":\"Job 'job-404' not found\","
                            + "\"details\":{\"component\":\"queen-rbee\",\"job_id\":\"job-404\"}}}");
            case "GET /v2/tasks/job-html" -> reply(exchange, 502, "text/html", "<html>bad gateway</html>");
            case "GET /v2/registry/beehives/list" -> reply(exchange, 200, "application/json", "{\"nodes\":[oops");
            case "DELETE /v2/tasks/job-1" -> reply(exchange, 204, null, "");
            case "POST /v2/tasks" -> streamTask(exchange);
            case "POST /v2/workers/spawn" -> reply(exchange, 503, "application/json",
                    "{\"error\":{\"code\":\"SHUTTING_DOWN\",\"message\":\"queen-rbee is shutting down\","
                            + "\"details\":{}}}");
            case "GET /v2/events" -> reply(exchange, 200, "text/plain", "");
            default -> reply(exchange, 404, "application/json",
                    "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No route\",\"details\":{}}}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void streamTask(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set(ApiPaths.HEADER_JOB_ID, "job-7f3c9a");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            String wire = Sse.frame("{\"type\":\"started\",\"job_id\":\"job-7f3c9a\",\"model\":\"demo:tiny\","
                    + "\"node\":\"localhost\",\"worker_id\":\"worker-0001\",\"started_at\":\"2026-11-26T14:02:11.532Z\","
                    + "\"seed\":7}") + Sse.KEEP_ALIVE
                    + Sse.frame("{\"type\":\"token\",\"t\":\"Hi\",\"i\":0}")
                    + Sse.frame("{\"type\":\"end\",\"tokens_out\":1,\"decode_time_ms\":3,\"stop_reason\":\"EOS\"}")
                    + Sse.DONE_FRAME;
            out.write(wire.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void typedGetSendsTokenAndCorrelationId() {
        assertEquals(new QueenHealth("ok", "0.1.0"), queen.health());
        assertEquals("Bearer secret-token", seenHeaders.get("authorization"));
        assertEquals("corr-1", seenHeaders.get("correlation"));
        assertEquals("application/json", seenHeaders.get("accept"));
    }

    @Test
    void errorEnvelopeBecomesTheSameException() {
        RbeeException e = assertThrows(RbeeException.class, () -> queen.job("job-404"));
        assertEquals("JOB_NOT_FOUND", e.code());
        assertEquals(404, e.status());
        assertEquals("Job 'job-404' not found", e.getMessage());
        assertEquals(Map.of("component", "queen-rbee", "job_id", "job-404"), e.details());
    }

    @Test
    void nonEnvelopeErrorIsInvalidResponse() {
        RbeeException e = assertThrows(RbeeException.class, () -> queen.job("job-html"));
        assertEquals("INVALID_RESPONSE", e.code());
        assertEquals(502, e.details().get("status"));
    }

    @Test
    void unparsableSuccessBodyIsInvalidResponse() {
        RbeeException e = assertThrows(RbeeException.class, queen::listNodes);
        assertEquals("INVALID_RESPONSE", e.code());
        assertTrue(e.details().get("from").toString().endsWith("/v2/registry/beehives/list"));
    }

    @Test
    void noContentIsFine() {
        queen.cancelTask("job-1");
        assertEquals("", seenHeaders.get("body"));
    }

    @Test
    void taskStreamIsParsedAndAcceptHeaderSent() {
        List<SseEvent> events = new ArrayList<>();
        try (SseResponse response = queen.tasks(TaskRequest.of("demo:tiny", "hello"))) {
            assertEquals("job-7f3c9a", response.jobId().orElseThrow());
            response.events().forEachRemaining(events::add);
            assertTrue(response.events().sawDone());
        }
        assertEquals("text/event-stream", seenHeaders.get("accept"));
        assertEquals("{\"model\":\"demo:tiny\",\"prompt\":\"hello\"}", seenHeaders.get("body"));
        assertEquals(3, events.size());
        assertEquals(7L, assertInstanceOf(StartedEvent.class, events.get(0)).seed());
        assertEquals(new TokenEvent("Hi", 0), events.get(1));
        assertInstanceOf(EndEvent.class, events.get(2));
    }

    @Test
    void streamRequestAnsweredWithAnEnvelopeThrowsIt() {
        RbeeException e = assertThrows(RbeeException.class, () -> queen.spawnWorker(
                new dev.rbee.contract.queen.SpawnWorkerRequest(null, "demo:tiny", null, null, null)));
        assertEquals("SHUTTING_DOWN", e.code());
        assertEquals(503, e.status());
    }

    @Test
    void streamAnsweredWithPlainTextIsRefused() {
        RbeeException e = assertThrows(RbeeException.class, queen::events);
        assertEquals("INVALID_RESPONSE", e.code());
    }

    @Test
    void refusedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Endpoint closed = Endpoint.of("http://127.0.0.1:" + port, null, Duration.ofSeconds(2), Duration.ofSeconds(2));
        QueenClient nobody = new QueenClient(new HttpJson(closed, json));
        UnreachableException e = assertThrows(UnreachableException.class, nobody::health);
        assertEquals(UnreachableException.Kind.REFUSED, e.kind());
        assertThrows(UnreachableException.class, () -> nobody.tasks(TaskRequest.of("demo:tiny", "x")));
    }

    @Test
    void voidResultsAreNull() {
        HttpJson http = queen.http();
        assertNull(http.delete(ApiPaths.taskById("job-1"), Void.class));
    }
}
