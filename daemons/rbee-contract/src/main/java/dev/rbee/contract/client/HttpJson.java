package dev.rbee.contract.client;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;
import dev.rbee.contract.sse.Sse;
import dev.rbee.contract.sse.SseEventStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JSON over HTTP to one daemon. 2xx bodies become records; a non-2xx answer becomes the daemon's own
 * {@link dev.rbee.contract.error.RbeeException} (code, message and details unchanged); an answer that is not the
 * contract's JSON becomes INVALID_RESPONSE; no answer at all becomes {@link UnreachableException}. Immutable and
 * thread-safe; {@link #withHeader} derives a client that adds a header (e.g. a correlation id).
 */
public final class HttpJson {
    private static final String JSON_TYPE = "application/json";

    private final Endpoint endpoint;
    private final Json json;
    private final HttpClient client;
    private final Map<String, String> headers;

    public HttpJson(Endpoint endpoint, Json json) {
        this(endpoint, json, newHttpClient(endpoint));
    }

    public HttpJson(Endpoint endpoint, Json json, HttpClient client) {
        this(endpoint, json, client, Map.of());
    }

    private HttpJson(Endpoint endpoint, Json json, HttpClient client, Map<String, String> headers) {
        this.endpoint = endpoint;
        this.json = json;
        this.client = client;
        this.headers = headers;
    }

    /** HTTP/1.1 only: the daemons speak plain HTTP/1.1 and an h2c upgrade attempt only costs time. */
    public static HttpClient newHttpClient(Endpoint endpoint) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpJson withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpJson(endpoint, json, client, Map.copyOf(more));
    }

    public HttpJson withCorrelationId(String correlationId) {
        return withHeader(ApiPaths.HEADER_CORRELATION_ID, correlationId);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Json json() {
        return json;
    }

    public <T> T get(String path, Class<T> type) {
        return exchange("GET", path, null, type).body();
    }

    /** POST with a JSON body, or with an empty body when {@code body} is null. */
    public <T> T post(String path, Object body, Class<T> type) {
        return exchange("POST", path, body, type).body();
    }

    public <T> T delete(String path, Class<T> type) {
        return exchange("DELETE", path, null, type).body();
    }

    /** Any method; {@code type} {@code Void.class} (or a 204) gives a null body. */
    public <T> JsonResponse<T> exchange(String method, String path, Object body, Class<T> type) {
        HttpRequest request = request(method, path, body, JSON_TYPE).build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (!isSuccess(response.statusCode())) {
            throw HttpFailures.errorResponse(json, response.statusCode(), response.body(), request.uri());
        }
        return new JsonResponse<>(response.statusCode(), response.headers(), decode(response, type));
    }

    /** A text answer such as {@code /metrics}. */
    public String getText(String path) {
        HttpRequest request = request("GET", path, null, "text/plain").build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (!isSuccess(response.statusCode())) {
            throw HttpFailures.errorResponse(json, response.statusCode(), response.body(), request.uri());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public SseResponse openSse(String method, String path, Object body) {
        return openSse(method, path, body, comment -> { });
    }

    /**
     * Opens a stream with {@code Accept: text/event-stream} (without it Javalin answers an empty text/plain).
     * Anything but {@code 200 text/event-stream} is read as an error answer and thrown.
     */
    public SseResponse openSse(String method, String path, Object body, Consumer<String> onComment) {
        HttpRequest request = request(method, path, body, Sse.CONTENT_TYPE).build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (response.statusCode() != 200 || !Sse.isEventStream(contentType)) {
            throw HttpFailures.errorResponse(json, response.statusCode(), readAll(response), request.uri());
        }
        SseEventStream events = new SseEventStream(response.body(), json, request.uri().toString(), onComment);
        return new SseResponse(response.statusCode(), response.headers(), events);
    }

    private HttpRequest.Builder request(String method, String path, Object body, String accept) {
        URI uri = endpoint.resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(endpoint.requestTimeout())
                .header("Accept", accept);
        if (endpoint.bearerToken() != null) {
            builder.header("Authorization", "Bearer " + endpoint.bearerToken());
        }
        headers.forEach(builder::header);
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        builder.header("Content-Type", JSON_TYPE);
        return builder.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeBytes(body)));
    }

    private <B> HttpResponse<B> send(HttpRequest request, HttpResponse.BodyHandler<B> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw HttpFailures.transport(e, request.uri(), endpoint.requestTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedCallException("calling " + request.uri(), e);
        }
    }

    private <T> T decode(HttpResponse<byte[]> response, Class<T> type) {
        if (type == Void.class || response.statusCode() == 204) {
            return null;
        }
        try {
            return json.decode(response.body(), type);
        } catch (JsonDecodeException e) {
            throw e.toInvalidResponse(response.uri().toString());
        }
    }

    /** The body of an error answer on a stream request; a failure to read it leaves it empty (→ INVALID_RESPONSE). */
    private static byte[] readAll(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
