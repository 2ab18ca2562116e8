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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Raw HTTP against queen, for what the contract says about statuses, headers and envelopes. */
public class QueenApiSteps {
    private final ScenarioWorld world;
    private final Json json = new Json();
    private HttpResponse<String> answer;

    public QueenApiSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I POST {string} to queen's {string}")
    public void iPost(String body, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + path))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Then("the answer is {int} {word} with an envelope from {string}")
    public void theAnswerIs(int status, String code, String component) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode error = json.tree(answer.body()).get("error");
        assertEquals(code, error.get("code").asText(), answer.body());
        assertEquals(component, error.get("details").get("component").asText(), answer.body());
    }

    @Then("the answer's message is {string}")
    public void theMessageIs(String message) {
        assertEquals(message, json.tree(answer.body()).get("error").get("message").asText());
    }

    @Then("the answer has no {string} header")
    public void noHeader(String header) {
        assertTrue(answer.headers().firstValue(header).isEmpty(), header + " was sent");
    }

    @Then("the answer lists the field errors {string}")
    public void fieldErrors(String fields) {
        List<String> found = new ArrayList<>();
        json.tree(answer.body()).get("error").get("details").get("errors")
                .forEach(e -> found.add(e.get("field").asText() + ":" + e.get("constraint").asText()));
        assertEquals(Arrays.asList(fields.split(";\\s*")), found);
    }
}
