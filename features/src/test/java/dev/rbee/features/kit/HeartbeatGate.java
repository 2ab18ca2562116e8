package dev.rbee.features.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The fault proxy of S147 at the HTTP level, between a hive and queen: it forwards every request, except that while
 * it is closed it holds back heartbeats (hive and worker) and answers them itself as queen would. Queen hears
 * nothing while the hive keeps its lease and lives on, which is what "queen gets no heartbeats" looks like when only
 * the path between them fails.
 */
public final class HeartbeatGate implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "upgrade", "expect", "keep-alive");

    private final HttpServer server;
    private final String queenUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile boolean closed;

    public HeartbeatGate(String queenUrl) {
        this.queenUrl = queenUrl;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void holdBackHeartbeats(boolean holdBack) {
        closed = holdBack;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        boolean hiveBeat = path.equals("/v2/hives/heartbeat");
        boolean heartbeat = hiveBeat || path.startsWith("/v2/workers/") && path.endsWith("/heartbeat");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (heartbeat && closed) {
            answer(exchange, 200, hiveBeat ? "{\"lease_ms\":15000}" : "{\"accepted\":true}");
            return;
        }
        try {
            HttpResponse<byte[]> forwarded = http.send(forward(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
            forwarded.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            send(exchange, forwarded.statusCode(), forwarded.body());
        } catch (IOException e) {
            exchange.close(); // queen unreachable: the hive sees a broken connection, as it would without the gate
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private HttpRequest forward(HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(queenUrl + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request.build();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.close();
    }
}
