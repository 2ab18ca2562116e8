package dev.rbee.features.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * scenarios.md "Scripted peer": a real HTTP server on a loopback port with fixed answers, standing in for a hive or a
 * queen in the "peer misbehaves" scenarios. Answers are keyed by {@code "<METHOD> <path>"} (query ignored) and sent
 * as {@code application/json} exactly as given, broken or not; anything unscripted gets a 404 error envelope. Every
 * request is recorded, so a scenario can show what the peer was never asked.
 */
public final class ScriptedPeer implements AutoCloseable {
    public record Answer(int status, String body) {
    }

    private static final String UNSCRIPTED = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"not scripted\","
            + "\"details\":{\"component\":\"scripted-peer\"}}}";

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public ScriptedPeer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** {@code route} as {@code "GET /v1/health"}; a later call replaces the answer. */
    public void script(String route, int status, String body) {
        answers.put(route, new Answer(status, body));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code "<METHOD> <path>"} of every request so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.add(route);
            Answer answer = answers.getOrDefault(route, new Answer(404, UNSCRIPTED));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
