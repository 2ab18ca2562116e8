package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.WorkerLogs;
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
    private java.net.http.HttpHeaders taskHeaders;
    private List<TimedLine> taskEvents;
    private long abandonedAt;
    private java.util.concurrent.CompletableFuture<Void> background;

    private record TimedLine(String data, long atNanos) {
    }

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

    @When("a task {string} runs through POST \\/v2\\/tasks")
    public void aTaskRuns(String body) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl()
                    + "/v2/tasks")).header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(world.fill(body))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            taskHeaders = response.headers();
            taskEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("data: ")) {
                        taskEvents.add(new TimedLine(line.substring(6), System.nanoTime()));
                    }
                }
            }
        }
    }

    @When("a task {string} is abandoned by its caller after {int} tokens")
    public void aTaskIsAbandoned(String body, int tokens) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl()
                    + "/v2/tasks")).header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            taskHeaders = response.headers();
            world.lastJobId(taskHeaders.firstValue("X-Job-Id").orElse(null));
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(),
                    java.nio.charset.StandardCharsets.UTF_8));
            int seen = 0;
            for (String line = reader.readLine(); line != null && seen < tokens; line = reader.readLine()) {
                if (line.startsWith("data: {\"type\":\"token\"")) {
                    seen++;
                }
            }
            response.body().close();
            abandonedAt = System.nanoTime();
        }
    }

    @Then("the task stream has an X-Job-Id header, then started, tokens {int} to {int}, the worker's narration, metrics, end {string} and [DONE]")
    public void theTaskStream(int first, int last, String reason) {
        String jobId = taskHeaders.firstValue("X-Job-Id").orElseThrow(() -> new AssertionError("no X-Job-Id"));
        List<String> types = new ArrayList<>();
        int expectedIndex = first;
        for (TimedLine line : taskEvents) {
            if (line.data().equals("[DONE]")) {
                types.add("[DONE]");
                continue;
            }
            JsonNode event = json.tree(line.data());
            String type = event.get("type").asText();
            if (type.equals("started")) {
                assertEquals(jobId, event.get("job_id").asText());
            }
            if (type.equals("token")) {
                assertEquals(expectedIndex++, event.get("i").asInt());
            }
            if (type.equals("end")) {
                assertEquals(reason, event.get("stop_reason").asText());
                assertEquals(last - first + 1, event.get("tokens_out").asInt());
            }
            if (type.equals("narration")) { // api.md §4: any stream may carry it, tagged and at most 100 characters
                String human = event.get("human").asText();
                assertTrue(human.codePointCount(0, human.length()) <= 100, human);
                assertEquals(jobId, event.path("job_id").asText(), line.data());
            }
            if (types.isEmpty() || !types.getLast().equals(type) || !type.equals("token")) {
                types.add(type);
            }
        }
        assertEquals(last + 1, expectedIndex);
        // the worker narrates how the job ended once the tokens are out, before metrics (S158)
        List<String> tail = types.subList(types.indexOf("started"), types.size());
        assertEquals(List.of("started", "token", "narration", "metrics", "end", "[DONE]"), tail);
        JsonNode closing = json.tree(taskEvents.get(taskEvents.size() - 4).data());
        assertEquals("llm-worker-rbee", closing.get("actor").asText(), closing::toString);
    }

    /** The X-Job-Id of the last task run through {@code POST /v2/tasks}. */
    String taskJobId() {
        return taskHeaders.firstValue("X-Job-Id").orElseThrow(() -> new AssertionError("no X-Job-Id"));
    }

    /** The data lines of that task's stream, [DONE] included, in arrival order. */
    List<String> taskEventData() {
        return taskEvents.stream().map(TimedLine::data).toList();
    }

    @Then("token {int} reached the caller at least {int} ms before end")
    public void tokenBeforeEnd(int index, int millis) {
        long tokenAt = taskEvents.stream().filter(l -> l.data().contains("\"type\":\"token\"")
                && json.tree(l.data()).get("i").asInt() == index).findFirst().orElseThrow().atNanos();
        long endAt = taskEvents.stream().filter(l -> l.data().contains("\"type\":\"end\"")).findFirst()
                .orElseThrow().atNanos();
        assertTrue((endAt - tokenAt) / 1_000_000 >= millis, "token " + index + " arrived only "
                + (endAt - tokenAt) / 1_000_000 + " ms before end");
    }

    @Then("within {int} s of the caller leaving, a worker log says the job was cancelled \\(client disconnected)")
    public void workerLogSaysCancelled(int seconds) throws Exception {
        WorkerLogs.awaitLine(world.home(), "job " + world.lastJobId() + " cancelled (client disconnected)",
                abandonedAt + seconds * 1_000_000_000L);
    }


    @When("a task {string} starts through POST \\/v2\\/tasks in the background")
    public void aTaskStartsInTheBackground(String body) {
        background = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                aTaskRuns(body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @When("the task's stream has shown a {string} event")
    public void theStreamShows(String type) throws InterruptedException {
        theStreamShowsEvents(1, type);
    }

    @When("the task's stream has shown {int} {string} events")
    public void theStreamShowsEvents(int count, String type) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            List<TimedLine> seen = taskEvents == null ? List.of() : List.copyOf(taskEvents);
            if (seen.stream().filter(l -> l.data().contains("\"type\":\"" + type + "\"")).count() >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not " + count + " " + type + " event(s) within 30 s");
    }

    @Then("within {int} s the task stream ends with error {string}")
    public void theTaskEndsWithError(int seconds, String code) throws Exception {
        background.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        List<String> data = taskEvents.stream().map(TimedLine::data).toList();
        assertEquals("[DONE]", data.getLast());
        JsonNode terminal = json.tree(data.get(data.size() - 2));
        assertEquals("error", terminal.get("type").asText(), () -> "events: " + data);
        assertEquals(code, terminal.get("code").asText());
    }

    /** S135: every event has a type, exactly one of them is the error, there is no end, and [DONE] closes it. */
    @Then("the task stream is well formed and ends with its one error {string}")
    public void wellFormedError(String code) throws Exception {
        if (background != null) {
            background.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        List<String> data = taskEvents.stream().map(TimedLine::data).toList();
        assertEquals("[DONE]", data.getLast(), () -> "events: " + data);
        List<String> types = data.subList(0, data.size() - 1).stream().map(d -> json.tree(d).path("type").asText())
                .toList();
        assertTrue(types.stream().noneMatch(String::isEmpty), () -> "an event without a type: " + data);
        assertEquals(1, types.stream().filter("error"::equals).count(), () -> "events: " + data);
        assertEquals("error", types.getLast(), () -> "events: " + data);
        assertFalse(types.contains("end"), () -> "events: " + data);
        JsonNode error = json.tree(data.get(data.size() - 2));
        assertEquals(code, error.get("code").asText());
        assertFalse(error.get("message").asText().isBlank());
    }

    @When("I GET queen's {string} as an event stream")
    public void iGetAsStream(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + path))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** docs/decisions.md: another client follows the running task's job from where it is to its end. */
    @When("another client follows that job through GET \\/v2\\/tasks\\/\\{job_id}\\/stream")
    public void anotherClientFollows() throws IOException, InterruptedException {
        iGetAsStream("/v2/tasks/" + taskJobId() + "/stream");
    }

    @Then("the follower got every data line of the task stream, {int} tokens and end {string} included, in order")
    public void theFollowerGotEverything(int tokens, String reason) throws Exception {
        background.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        List<String> followed = answer.body().lines().filter(l -> l.startsWith("data: "))
                .map(l -> l.substring(6)).toList();
        assertEquals(taskEventData(), followed);
        assertEquals(tokens, followed.stream().filter(d -> d.startsWith("{\"type\":\"token\"")).count());
        JsonNode end = json.tree(followed.get(followed.size() - 2));
        assertEquals("end", end.get("type").asText());
        assertEquals(reason, end.get("stop_reason").asText());
    }

    @Then("queen has no job in flight")
    public void noJobInFlight() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/tasks")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(0, json.tree(body).get("jobs").size(), body);
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
