package dev.rbee.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.TokenEvent;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Javalin server on a free port: the envelope, auth and SSE rules every daemon inherits. */
class HttpDaemonTest {
    record Echo(String name, Integer count) {
    }

    static HttpDaemon daemon;
    static final Json JSON = new Json();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        daemon = HttpDaemon.start(new DaemonIdentity("test-daemon", "0.1.0", JSON), "127.0.0.1", 0,
                BearerAuth.required("s3cret", Set.of("/open")), routes -> {
                    routes.get("/open", ctx -> ctx.result("ok"));
                    routes.post("/echo", ctx -> Responses.json(ctx, JSON, 200, Responses.body(ctx, JSON, Echo.class)));
                    routes.get("/boom", ctx -> {
                        throw new IllegalStateException("kaput");
                    });
                    routes.get("/stream", ctx -> {
                        SseChannel channel = SseChannel.open(ctx, JSON);
                        channel.send(new TokenEvent("a", 0));
                        channel.keepAlive();
                        channel.done();
                    });
                });
    }

    @AfterAll
    static void stop() {
        daemon.stop();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publicPathNeedsNoToken() throws Exception {
        assertEquals(200, send("GET", "/open", null, null).statusCode());
    }

    @Test
    void missingAndWrongTokensAre401WithTheirCodes() throws Exception {
        HttpResponse<String> missing = send("POST", "/echo", null, "{}");
        assertEquals(401, missing.statusCode());
        assertTrue(missing.body().contains("\"code\":\"MISSING_API_KEY\""), missing.body());
        assertEquals("Bearer", missing.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> wrong = send("POST", "/echo", "guess", "{}");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("\"code\":\"INVALID_API_KEY\""), wrong.body());
        assertTrue(wrong.body().contains("\"component\":\"test-daemon\""), wrong.body());
    }

    @Test
    void unknownRouteAndWrongMethodAre404Envelopes() throws Exception {
        HttpResponse<String> unknown = send("GET", "/nope", "s3cret", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().startsWith("{\"error\":{\"code\":\"NOT_FOUND\""), unknown.body());
        HttpResponse<String> wrongMethod = send("DELETE", "/echo", "s3cret", null);
        assertEquals(404, wrongMethod.statusCode());
        assertTrue(wrongMethod.body().contains("NOT_FOUND"), wrongMethod.body());
    }

    @Test
    void malformedJsonAndWrongTypesAre400WithFieldErrors() throws Exception {
        HttpResponse<String> malformed = send("POST", "/echo", "s3cret", "{\"name\": ");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("\"field\":\"$\"") && malformed.body().contains("\"constraint\":\"json\""),
                malformed.body());
        HttpResponse<String> wrongType = send("POST", "/echo", "s3cret", "{\"name\":\"x\",\"count\":\"many\"}");
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().contains("\"field\":\"count\""), wrongType.body());
        assertEquals("{\"name\":\"x\",\"count\":2}", send("POST", "/echo", "s3cret", "{\"name\":\"x\",\"count\":2}").body());
    }

    @Test
    void unexpectedFailuresBecomeInternalErrorNotAStackTrace() throws Exception {
        HttpResponse<String> boom = send("GET", "/boom", "s3cret", null);
        assertEquals(500, boom.statusCode());
        assertTrue(boom.body().contains("\"code\":\"INTERNAL_ERROR\"") && boom.body().contains("kaput"), boom.body());
    }

    @Test
    void sseStreamIsFramedAndEndsWithDone() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/stream"))
                .header("Authorization", "Bearer s3cret").build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("data: {\"type\":\"token\",\"t\":\"a\",\"i\":0}", reader.readLine());
            assertEquals("", reader.readLine());
            assertEquals(": keep-alive", reader.readLine());
            assertEquals("", reader.readLine());
            assertEquals("data: [DONE]", reader.readLine());
        }
    }
}
