package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.CommandRun;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.FreePorts;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** keeper's own inputs and outputs: config.toml, its environment, extra queens, and the JSON documents it prints. */
public class KeeperSteps {
    private final ScenarioWorld world;

    public KeeperSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** One more real queen on a free port, with the scenario's RBEE_HOME; {@code <name>} then fills in its URL. */
    @Given("another queen-rbee was started by the operator at {string}")
    public void anotherQueen(String name) throws InterruptedException {
        int port = FreePorts.next();
        String url = "http://127.0.0.1:" + port;
        CommandRun.start(List.of(world.root().resolve("bin/queen-rbee").toString(), "--port", String.valueOf(port)),
                world.env());
        Eventually.within(30, () -> answersHealth(url), () -> "queen-rbee on port " + port + " did not answer");
        world.remember(name, url);
    }

    @Given("config.toml holds:")
    public void configHolds(String toml) throws IOException {
        Files.writeString(configToml(), world.fill(toml) + "\n");
    }

    /** Top-level keys must come before the first table, so the key goes first. */
    @Given("config.toml also holds the right API key")
    public void configHoldsTheKey() throws IOException {
        String rest = Files.exists(configToml()) ? Files.readString(configToml()) : "";
        Files.writeString(configToml(), "api_key = \"" + AuthSteps.API_KEY + "\"\n" + rest);
    }

    @Given("keeper's environment has RBEE_QUEEN_URL {string}")
    public void envQueenUrl(String url) {
        world.env().put("RBEE_QUEEN_URL", world.fill(url));
    }

    @Given("keeper's environment has no RBEE_QUEEN_URL")
    public void noEnvQueenUrl() {
        world.env().remove("RBEE_QUEEN_URL");
    }

    /** {@code pointer} is a JSON pointer; {@code expected} is JSON text, e.g. {@code "external"} or {@code true}. */
    @Then("stdout is a JSON document where {string} is {string}")
    public void jsonDocumentHas(String pointer, String expected) {
        JsonNode value = document().at(pointer);
        assertEquals(world.fill(expected), value.toString(), () -> "stdout: " + world.lastRun().stdout());
    }

    @Then("stdout's JSON {string} is a time within the last {int} s")
    public void jsonTimeRecent(String pointer, int seconds) {
        JsonNode value = document().at(pointer);
        assertTrue(value.isTextual(), () -> pointer + " is not a time in " + world.lastRun().stdout());
        java.time.Duration age = java.time.Duration.between(java.time.Instant.parse(value.asText()),
                java.time.Instant.now());
        assertTrue(!age.isNegative() && age.getSeconds() <= seconds, () -> pointer + " is " + age + " old");
    }

    @Then("stdout is a JSON document where {string} has {int} entry/entries")
    public void jsonDocumentListSize(String pointer, int size) {
        JsonNode value = document().at(pointer);
        assertTrue(value.isArray(), () -> pointer + " is not a list in " + world.lastRun().stdout());
        assertEquals(size, value.size(), () -> "stdout: " + world.lastRun().stdout());
    }

    @Then("the end event on stdout has tokens_out {int}")
    public void endEventTokens(int tokens) {
        Json json = new Json();
        JsonNode end = world.lastRun().stdout().lines().map(json::tree)
                .filter(e -> "end".equals(e.path("type").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no end event in " + world.lastRun().stdout()));
        assertEquals(tokens, end.get("tokens_out").asInt(), end::toString);
    }

    /** Exactly one document: one line of JSON and nothing else. */
    private JsonNode document() {
        List<String> lines = world.lastRun().stdout().lines().toList();
        assertEquals(1, lines.size(), () -> "expected one JSON line on stdout, got: " + lines);
        return new Json().tree(lines.getFirst());
    }

    private Path configToml() {
        return world.home().resolve("config.toml");
    }

    private static boolean answersHealth(String url) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(1))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
