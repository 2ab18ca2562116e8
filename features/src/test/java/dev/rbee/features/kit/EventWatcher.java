package dev.rbee.features.kit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client of an SSE endpoint (queen's {@code /v2/events}) that records every line as it arrives, with its time:
 * {@code data:} payloads and {@code :} comments (keep-alives) alike.
 */
public final class EventWatcher implements AutoCloseable {
    public record Line(String text, long atNanos) {
        public boolean isData() {
            return text.startsWith("data: ");
        }

        public String data() {
            return text.substring("data: ".length());
        }
    }

    private final Json json = new Json();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private volatile boolean ended;

    private EventWatcher(String url) throws IOException, InterruptedException {
        response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        reader = Thread.ofPlatform().daemon().start(this::read);
    }

    public static EventWatcher open(String url) throws IOException, InterruptedException {
        return new EventWatcher(url);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    lines.add(new Line(line, System.nanoTime()));
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server
        } finally {
            ended = true;
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Every event, in order; {@code [DONE]} is not JSON and is left out. */
    public List<JsonNode> events() {
        return lines().stream().filter(Line::isData).filter(l -> !l.data().equals("[DONE]"))
                .map(l -> json.tree(l.data())).toList();
    }

    public boolean sawDone() {
        return lines().stream().anyMatch(l -> l.isData() && l.data().equals("[DONE]"));
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        http.shutdownNow();
    }
}
