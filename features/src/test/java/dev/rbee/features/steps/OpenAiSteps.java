package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.WorkerLogs;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The OpenAI-compatible endpoints of queen (api.md §5.8) over raw HTTP, as any OpenAI client would call them. */
public class OpenAiSteps {
    private final ScenarioWorld world;
    private final Json json = new Json();
    private HttpResponse<String> answer;
    private List<String> streamLines = List.of();
    private String streamContentType;
    private long streamBegan;
    private final List<Long> streamTimes = new ArrayList<>();
    private long closedAt;
    private final List<String> texts = new ArrayList<>();
    private final List<String> jobIds = new ArrayList<>();

    /** The jobs of the answers this scenario got, oldest first. */
    List<String> jobIds() {
        return jobIds;
    }

    public OpenAiSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("{string} is sent to queen's {string}")
    public void sent(String body, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(request(path, world.fill(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
        if (answer.statusCode() == 200 && answer.body().startsWith("{")) {
            jobIds.add(json.tree(answer.body()).path("id").asText().substring("chatcmpl-".length()));
            JsonNode choice = json.tree(answer.body()).path("choices").path(0);
            texts.add(choice.has("message") ? choice.path("message").path("content").asText()
                    : choice.path("text").asText());
        }
    }

    @Then("its one choice has the content {string} and finish_reason {string}")
    public void contentAndFinish(String content, String finish) {
        assertEquals(200, answer.statusCode(), answer::body);
        JsonNode choice = json.tree(answer.body()).get("choices").get(0);
        assertEquals(content, choice.get("message").get("content").asText(), answer::body);
        assertEquals(finish, choice.get("finish_reason").asText());
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> background;

    @When("{string} is sent to queen's {string} in the background")
    public void sentInTheBackground(String body, String path) throws IOException {
        HttpRequest request = request(path, world.fill(body)).build();
        HttpClient http = HttpClient.newHttpClient();
        background = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((r, e) -> http.close());
    }

    @Then("the background answer is {int} {word} in the envelope")
    public void backgroundAnswer(int status, String code) throws Exception {
        answer = background.get(30, java.util.concurrent.TimeUnit.SECONDS);
        envelope(status, code);
    }

    @When("this is sent to queen's {string}")
    public void sentDocString(String path, String body) throws IOException, InterruptedException {
        sent(body, path);
    }

    @When("{string} is streamed from queen's {string}")
    public void streamed(String body, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = http.send(request(path, world.fill(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            streamBegan = System.nanoTime();
            streamTimes.clear();
            streamContentType = response.headers().firstValue("Content-Type").orElse("");
            streamLines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("data: ")) {
                        streamLines.add(line.substring(6));
                        streamTimes.add(System.nanoTime());
                    }
                }
            }
        }
    }

    @When("{string} is streamed from queen's {string} and the client closes the stream after {int} chunks")
    public void streamedAndClosed(String body, String path, int chunks) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = http.send(request(path, world.fill(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            int seen = 0;
            for (String line = reader.readLine(); line != null && seen < chunks; line = reader.readLine()) {
                if (line.startsWith("data: {")) {
                    String id = json.tree(line.substring(6)).get("id").asText();
                    world.lastJobId(id.substring("chatcmpl-".length()));
                    seen++;
                }
            }
            response.body().close();
            closedAt = System.nanoTime();
        }
    }

    @Then("within {int} s of the client closing the stream, a worker log says the job was cancelled \\(client disconnected)")
    public void cancelledWithin(int seconds) throws InterruptedException {
        WorkerLogs.awaitLine(world.home(), "job " + world.lastJobId() + " cancelled (client disconnected)",
                closedAt + seconds * 1_000_000_000L);
    }

    @Then("the OpenAI answer is {int} with object {string} for model {string}")
    public void theAnswerIs(int status, String object, String model) {
        assertEquals(status, answer.statusCode(), answer::body);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json.tree(answer.body());
        assertEquals(object, body.get("object").asText());
        assertEquals(model, body.get("model").asText());
        assertTrue(body.get("id").asText().matches("chatcmpl-job-[0-9a-f]{6}"), answer::body);
        assertTrue(body.get("created").asLong() > 1_700_000_000L);
    }

    @Then("its one choice has role assistant, some content and finish_reason {string}")
    public void chatChoice(String finish) {
        JsonNode choices = json.tree(answer.body()).get("choices");
        assertEquals(1, choices.size());
        assertEquals(0, choices.get(0).get("index").asInt());
        assertEquals("assistant", choices.get(0).get("message").get("role").asText());
        assertFalse(choices.get(0).get("message").get("content").asText().isEmpty(), answer::body);
        assertEquals(finish, choices.get(0).get("finish_reason").asText());
    }

    @Then("its one choice has text and a finish_reason of {string} or {string}")
    public void textChoice(String one, String other) {
        JsonNode choice = json.tree(answer.body()).get("choices").get(0);
        assertTrue(choice.get("text").isTextual(), answer::body);
        String finish = choice.get("finish_reason").asText();
        assertTrue(finish.equals(one) || finish.equals(other), answer::body);
    }

    @Then("its text is {string} and its finish_reason {string}")
    public void textAndFinish(String text, String finish) {
        JsonNode choice = json.tree(answer.body()).get("choices").get(0);
        assertEquals(text.replace("\\n", "\n"), choice.get("text").asText());
        assertEquals(finish, choice.get("finish_reason").asText());
    }

    @Then("its usage counts {int} completion tokens, some prompt tokens and their total")
    public void usage(int completion) {
        JsonNode usage = json.tree(answer.body()).get("usage");
        assertEquals(completion, usage.get("completion_tokens").asInt(), answer::body);
        assertTrue(usage.get("prompt_tokens").asInt() > 0, answer::body);
        assertEquals(usage.get("prompt_tokens").asInt() + completion, usage.get("total_tokens").asInt());
    }

    @Then("the last two answers have the same text")
    public void sameText() {
        assertTrue(texts.size() >= 2);
        assertEquals(texts.get(texts.size() - 2), texts.getLast());
    }

    @Then("the OpenAI answer is {int} {word} in the envelope")
    public void envelope(int status, String code) {
        assertEquals(status, answer.statusCode(), answer::body);
        JsonNode error = json.tree(answer.body()).get("error");
        assertNotNull(error, answer::body);
        assertEquals(code, error.get("code").asText(), answer::body);
        assertFalse(error.get("message").asText().isEmpty());
        assertTrue(error.get("details").isObject());
    }

    @Then("the OpenAI answer lists the field errors {string}")
    public void fieldErrors(String fields) {
        List<String> listed = new ArrayList<>();
        json.tree(answer.body()).get("error").get("details").get("errors")
                .forEach(e -> listed.add(e.get("field").asText() + ":" + e.get("constraint").asText()));
        assertEquals(List.of(fields.split(", ")), listed, answer::body);
    }

    @Then("the stream has {int} {string} chunks of one token each, a last chunk with finish_reason {string}, then [DONE]")
    public void chunks(int count, String object, String finish) {
        assertTrue(streamContentType.startsWith("text/event-stream"), streamContentType);
        assertEquals("[DONE]", streamLines.getLast(), () -> String.join("\n", streamLines));
        List<JsonNode> chunks = streamLines.subList(0, streamLines.size() - 1).stream().map(json::tree).toList();
        assertEquals(count + 1, chunks.size(), () -> String.join("\n", streamLines));
        String id = chunks.getFirst().get("id").asText();
        assertTrue(id.matches("chatcmpl-job-[0-9a-f]{6}"), id);
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode chunk = chunks.get(i);
            assertEquals("chunk", chunk.get("type").asText());
            assertEquals(object, chunk.get("object").asText());
            assertEquals(id, chunk.get("id").asText());
            JsonNode choice = chunk.get("choices").get(0);
            boolean last = i == chunks.size() - 1;
            String content = object.equals("chat.completion.chunk") ? choice.get("delta").path("content").asText()
                    : choice.get("text").asText();
            assertEquals(last, content.isEmpty(), chunk::toString);
            assertEquals(last ? finish : null, choice.get("finish_reason").isNull() ? null
                    : choice.get("finish_reason").asText(), chunk::toString);
        }
    }

    @Then("the stream has no chunk, then the error {word} at least {int} ms after the stream began, then [DONE]")
    public void streamError(String code, int millis) {
        assertEquals(List.of("error", "[DONE]"), streamLines.stream().map(l -> l.equals("[DONE]") ? l
                : json.tree(l).get("type").asText()).toList(), () -> String.join("\n", streamLines));
        JsonNode error = json.tree(streamLines.getFirst());
        assertEquals(code, error.get("code").asText());
        assertFalse(error.get("message").asText().isEmpty());
        long after = (streamTimes.getFirst() - streamBegan) / 1_000_000;
        assertTrue(after >= millis, "the error came " + after + " ms after the stream began");
    }

    HttpRequest.Builder request(String path, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(world.queenUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        apiKey(world).ifPresent(key -> b.header("Authorization", "Bearer " + key));
        return body == null ? b : b.POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The key a scenario's queen was given by AuthSteps, if it was. */
    static java.util.Optional<String> apiKey(ScenarioWorld world) throws IOException {
        Path file = world.home().resolve("keys/queen's api key.txt");
        return Files.exists(file) ? java.util.Optional.of(Files.readString(file).trim()) : java.util.Optional.empty();
    }
}
