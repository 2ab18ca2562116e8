package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** S134: errors of every daemon, provoked over real HTTP, each checked against the one envelope of api.md §3. */
public class EnvelopeSteps {
    private final ScenarioWorld world;
    private final Json json = new Json();

    public EnvelopeSteps(ScenarioWorld world) {
        this.world = world;
    }

    /**
     * Columns: daemon (queen, hive, worker), auth (none, secret, wrong), method, path, body, status, code, and
     * details: the keys its details must have, {@code key=value} where the value matters too.
     */
    @Then("each of these requests is answered in the error envelope with its status and code:")
    public void eachAnswered(List<Map<String, String>> rows) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            for (Map<String, String> row : rows) {
                HttpResponse<String> answer = http.send(request(row), HttpResponse.BodyHandlers.ofString());
                String where = row.get("daemon") + " " + row.get("method") + " " + row.get("path") + ": "
                        + answer.body();
                assertEquals(Integer.parseInt(row.get("status")), answer.statusCode(), where);
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                        where);
                JsonNode error = json.tree(answer.body()).get("error");
                assertEquals(1, json.tree(answer.body()).size(), where);
                assertEquals(row.get("code"), error.get("code").asText(), where);
                assertTrue(error.get("code").asText().matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*"), where);
                assertFalse(error.get("message").asText().isBlank(), where);
                assertTrue(error.get("details").isObject(), where);
                checkDetails(error.get("details"), cell(row, "details"), where);
            }
        }
    }

    @Then("stdout is one JSON document \\{\"error\":\\{\"code\":{string},…}} with the suggestion {string}")
    public void oneDocument(String code, String suggestion) {
        JsonNode error = onlyLine().get("error");
        assertEquals(code, error.get("code").asText(), world.lastRun().stdout());
        assertSuggests(error.get("details"), suggestion);
    }

    @Then("stdout is one JSON line \\{\"type\":\"error\",\"code\":{string},…} with the suggestion {string}")
    public void oneErrorLine(String code, String suggestion) {
        JsonNode event = onlyLine();
        assertEquals("error", event.get("type").asText(), world.lastRun().stdout());
        assertEquals(code, event.get("code").asText(), world.lastRun().stdout());
        assertSuggests(event.get("details"), suggestion);
    }

    private JsonNode onlyLine() {
        List<String> lines = world.lastRun().stdout().lines().toList();
        assertEquals(1, lines.size(), world.lastRun().stdout());
        return json.tree(lines.getFirst());
    }

    private void assertSuggests(JsonNode details, String suggestion) {
        List<String> suggestions = new java.util.ArrayList<>();
        details.path("suggestions").forEach(s -> suggestions.add(s.asText()));
        assertTrue(suggestions.contains(world.fill(suggestion)), () -> "suggestions " + suggestions);
    }

    private void checkDetails(JsonNode details, String wanted, String where) {
        for (String item : wanted.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] keyValue = item.strip().split("=", 2);
            JsonNode value = details.get(keyValue[0]);
            assertTrue(value != null && !value.isNull(), () -> keyValue[0] + " missing in " + where);
            if (keyValue.length == 2) {
                assertEquals(world.fill(keyValue[1]), value.asText(), where);
            }
        }
    }

    /** An empty cell of a Cucumber table arrives as null. */
    private static String cell(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null ? "" : value;
    }

    private HttpRequest request(Map<String, String> row) throws IOException {
        String base = switch (row.get("daemon")) {
            case "queen" -> world.queenUrl();
            case "hive" -> world.hiveUrl();
            case "worker" -> world.remembered("worker-url");
            default -> throw new IllegalArgumentException(row.get("daemon"));
        };
        String body = cell(row, "body");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + world.fill(row.get("path"))))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(row.get("method"), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(world.fill(body)));
        switch (row.get("auth")) {
            case "secret" -> request.header("Authorization", "Bearer "
                    + Files.readString(world.home().resolve("cluster-secret")).trim());
            case "wrong" -> request.header("Authorization", "Bearer not-the-secret");
            case "none" -> { }
            default -> throw new IllegalArgumentException(row.get("auth"));
        }
        return request.build();
    }
}
