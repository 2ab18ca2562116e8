package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Models seen through the OpenAI endpoints: {@code /v1/models}, GGUF chat templates, the worker a request used. */
public class OpenAiModelSteps {
    private final ScenarioWorld world;
    private final OpenAiSteps openAi;
    private final Json json = new Json();

    public OpenAiModelSteps(ScenarioWorld world, OpenAiSteps openAi) {
        this.world = world;
        this.openAi = openAi;
    }

    @io.cucumber.java.en.Given("a scripted model at {string} that writes {string} and stops, with the chat template {string}")
    public void aScriptedModelWithATemplate(String path, String text, String template) throws IOException {
        new dev.rbee.engine.gguf.ScriptedLlamaGenerator().write(LifecycleSteps.scriptPieces(text), true,
                Path.of(world.fill(path)), java.util.Map.of("tokenizer.chat_template", template));
    }

    @Then("within {int} s queen lists the worker of {string} as idle with 0 busy slots")
    public void workerIdle(int seconds, String model) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            try (HttpClient http = HttpClient.newHttpClient()) {
                last = http.send(openAi.request("/v2/workers/list", null).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            List<JsonNode> workers = new ArrayList<>();
            json.tree(last).get("workers").forEach(w -> {
                if (w.get("model_ref").asText().equals(model)) {
                    workers.add(w);
                }
            });
            if (workers.size() == 1 && workers.get(0).get("state").asText().equals("idle")
                    && workers.get(0).get("slots_busy").asInt() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no idle worker of " + model + " with 0 busy slots: " + last);
    }

    @Then("{string} lists the models {string}, each once, owned by rbee")
    public void modelsListed(String path, String refs) throws IOException, InterruptedException {
        HttpResponse<String> answer;
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(openAi.request(path, null).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, answer.statusCode(), answer::body);
        JsonNode body = json.tree(answer.body());
        assertEquals("list", body.get("object").asText());
        List<String> ids = new ArrayList<>();
        body.get("data").forEach(m -> {
            ids.add(m.get("id").asText());
            assertEquals("model", m.get("object").asText());
            assertEquals("rbee", m.get("owned_by").asText());
            assertTrue(m.get("created").asLong() > 1_700_000_000L, m::toString);
        });
        assertEquals(List.of(refs.split(", ")).stream().sorted().toList(), ids.stream().sorted().toList());
    }
}
