package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

/** Queen's internal worker routes called as a hive calls them, with the cluster secret (api.md §5.5). */
public class RegistrationSteps {
    private final ScenarioWorld world;
    private final Json json = new Json();
    private HttpResponse<String> answer;

    public RegistrationSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("the hive side sends {string} to queen's {string} with the cluster secret")
    public void send(String body, String path) throws IOException, InterruptedException {
        String secret = Files.readString(world.home().resolve("cluster-secret")).trim();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + world.fill(path)))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + secret)
                    .POST(HttpRequest.BodyPublishers.ofString(world.fill(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @When("I ask queen for {string}")
    public void get(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + world.fill(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Then("queen's answer has a last_heartbeat_unix within this scenario for {string}")
    public void heartbeatWithinScenario(String pointer) {
        long at = json.tree(answer.body()).at(pointer + "/last_heartbeat_unix").asLong();
        long now = System.currentTimeMillis() / 1000;
        assertTrue(at > now - 120 && at <= now, () -> "last_heartbeat_unix " + at + " in " + answer.body());
    }

    @Then("queen's answer is {int} with {string} = {string}")
    public void answerIs(int status, String pointer, String value) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(value, json.tree(answer.body()).at(pointer).asText(), answer.body());
    }

    @Then("queen's answer is the error {int} {word}")
    public void answerIsError(int status, String code) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, json.tree(answer.body()).at("/error/code").asText(), answer.body());
    }

    @Then("queen lists worker {string} on {string} at {string} in state {string}")
    public void queenLists(String workerId, String node, String url, String state)
            throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/workers/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode match = null;
            for (JsonNode w : json.tree(body).get("workers")) {
                if (w.get("worker_id").asText().equals(workerId)) {
                    match = w;
                }
            }
            assertEquals(workerId + " " + node + " " + url + " " + state, match == null ? body
                    : match.get("worker_id").asText() + " " + match.get("node").asText() + " "
                    + match.get("url").asText() + " " + match.get("state").asText());
        }
    }
}
