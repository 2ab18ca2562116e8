package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Where queen ran the jobs of OpenAI requests (S167): the node and worker of each job as {@code GET /v2/tasks/{id}}
 * reports it (a finished job stays there 10 min), and the node of its job events on {@code /v2/events}.
 */
public class ModelRoutingSteps {
    private final ScenarioWorld world;
    private final OpenAiSteps openAi;
    private final EventSteps events;
    private final Json json = new Json();

    public ModelRoutingSteps(ScenarioWorld world, OpenAiSteps openAi, EventSteps events) {
        this.world = world;
        this.openAi = openAi;
        this.events = events;
    }

    private String jobOf(int answer) {
        List<String> ids = openAi.jobIds();
        assertTrue(ids.size() >= answer, () -> "only " + ids.size() + " OpenAI answers: " + ids);
        return ids.get(answer - 1);
    }

    private JsonNode task(String jobId) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/tasks/"
                    + jobId)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            return json.tree(answer.body());
        }
    }

    @Then("GET \\/v2\\/tasks\\/<job> says the job of OpenAI answer {int} ran on {string}")
    public void ranOn(int answer, String node) throws IOException, InterruptedException {
        JsonNode job = task(jobOf(answer));
        assertEquals(node, job.path("node").asText(), job::toString);
    }

    @Then("GET \\/v2\\/tasks\\/<job> says the job of OpenAI answer {int} ran on {string} on worker {string}")
    public void ranOnWorker(int answer, String node, String worker) throws IOException, InterruptedException {
        JsonNode job = task(jobOf(answer));
        assertEquals(node, job.path("node").asText(), job::toString);
        assertEquals(world.fill(worker), job.path("worker_id").asText(), job::toString);
    }

    @Then("within {int} s watcher {word} saw the job of OpenAI answer {int} complete on {string}")
    public void watcherSawJob(int seconds, String watcher, int answer, String node) throws InterruptedException {
        String jobId = jobOf(answer);
        Eventually.within(seconds, () -> events.watcher(watcher).events().stream()
                .filter(e -> e.path("type").asText().equals("job") && e.path("job_id").asText().equals(jobId))
                .anyMatch(e -> e.path("state").asText().equals("completed") && e.path("node").asText().equals(node)),
                () -> "no completed job " + jobId + " on " + node + " in " + events.watcher(watcher).events());
    }
}
