package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.CommandRun;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An rbee-hive started on its own (no queen), driven over its HTTP API (api.md §6.1). */
public class HiveSteps {
    static final String SECRET = ScenarioWorld.CLUSTER_SECRET;
    private final ScenarioWorld world;
    private final Json json = new Json();
    private final List<String> workerIds = new ArrayList<>();
    private final List<Long> stopped = new ArrayList<>();
    private CommandRun hive;
    private HttpResponse<String> answer;

    public HiveSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("an rbee-hive runs on its own")
    public void aHiveRunsOnItsOwn() throws InterruptedException {
        startHive(world.root().resolve("bin/rbee-hive"));
    }

    void startHive(Path launcher) throws InterruptedException {
        world.env().put("RBEE_CLUSTER_SECRET", SECRET);
        hive = CommandRun.start(List.of(launcher.toString(), "daemon", "--port",
                String.valueOf(world.localHivePort())), world.env());
        Eventually.within(30, () -> {
            try {
                return get("/v1/health", false).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, () -> "rbee-hive did not answer /v1/health:\n" + hive.stderr());
    }

    String hiveUrl() {
        return world.hiveUrl();
    }

    /** The hive's secret: queen's ({@code RBEE_HOME/cluster-secret}) when queen started the hive, else the scenario's. */
    private String secret() throws IOException {
        Path queens = world.home().resolve("cluster-secret");
        return Files.exists(queens) ? Files.readString(queens).trim() : SECRET;
    }

    HttpResponse<String> get(String path, boolean withSecret) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hiveUrl() + path))
                    .timeout(Duration.ofSeconds(30));
            if (withSecret) {
                request.header("Authorization", "Bearer " + secret());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(hiveUrl() + path)).timeout(Duration.ofSeconds(40))
                    .header("Authorization", "Bearer " + secret()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @When("I GET {string} from the hive")
    public void iGet(String path) throws IOException, InterruptedException {
        answer = get(world.fill(path), true);
    }

    @When("I GET {string} from the hive without a secret")
    public void iGetWithoutSecret(String path) throws IOException, InterruptedException {
        answer = get(world.fill(path), false);
    }

    @When("I POST {string} to the hive's {string}")
    public void iPost(String body, String path) throws IOException, InterruptedException {
        answer = post(world.fill(path), world.fill(body));
    }

    @Then("the hive answers {int}")
    public void theHiveAnswers(int status) {
        assertEquals(status, answer.statusCode(), answer.body());
    }

    @Then("the hive answers {int} {word} with the message {string}")
    public void theHiveAnswersError(int status, String code, String message) {
        assertEquals(status, answer.statusCode(), answer.body());
        JsonNode error = json.tree(answer.body()).get("error");
        assertEquals(code, error.get("code").asText(), answer.body());
        assertEquals(world.fill(message), error.get("message").asText());
    }

    @Then("the hive's answer has {string} = {string}")
    public void theAnswerHas(String pointer, String value) {
        JsonNode node = json.tree(answer.body()).at(pointer);
        assertFalse(node.isMissingNode(), () -> pointer + " missing in " + answer.body());
        assertEquals(world.fill(value), node.isTextual() ? node.asText() : node.toString(), answer.body());
    }

    @Then("the hive's answer has no {string}")
    public void theAnswerHasNo(String pointer) {
        assertTrue(json.tree(answer.body()).at(pointer).isMissingNode(), answer.body());
    }

    JsonNode answerJson() {
        return json.tree(answer.body());
    }

    HttpResponse<String> answer() {
        return answer;
    }

    @Given("the hive has {int} idle worker(s) for {string}")
    public void theHiveHasIdleWorkers(int count, String model) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> spawned = post("/v1/workers/spawn", "{\"model_ref\":\"" + world.fill(model)
                    + "\",\"backend\":\"cpu\"}");
            assertEquals(202, spawned.statusCode(), spawned.body());
            String id = json.tree(spawned.body()).get("worker_id").asText();
            workerIds.add(id);
            Eventually.within(60, () -> "idle".equals(workerState(id)), () -> id + " never became idle");
        }
    }

    String workerState(String id) {
        return worker(id).map(w -> w.get("state").asText()).orElse(null);
    }

    java.util.Optional<JsonNode> worker(String id) {
        try {
            HttpResponse<String> list = get("/v1/workers/list", true);
            for (JsonNode w : json.tree(list.body()).get("workers")) {
                if (w.get("worker_id").asText().equals(id)) {
                    return java.util.Optional.of(w);
                }
            }
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    String workerId(int number) {
        return workerIds.get(number - 1);
    }

    long workerPid(int number) {
        return worker(workerId(number)).orElseThrow().get("pid").asLong();
    }

    @When("worker {int} receives SIG{word}")
    public void workerReceives(int number, String signal) {
        long pid = workerPid(number);
        RbeeProcesses.signal(pid, signal);
        if (signal.equals("STOP")) {
            stopped.add(pid);
        }
    }

    @Then("{int} s after that the hive still lists worker {int}")
    public void stillListed(int seconds, int number) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
        assertTrue(worker(workerId(number)).isPresent(), "worker " + number + " was removed too early");
    }

    @Then("within {int} s the hive no longer lists worker {int}")
    public void noLongerListed(int seconds, int number) throws InterruptedException {
        Eventually.within(seconds, () -> worker(workerId(number)).isEmpty(), () -> "still listed: " + workerId(number));
    }

    @Then("the hive log says worker {int} {string}")
    public void hiveLogSays(int number, String text) throws IOException {
        String expected = text.replace("<id>", workerId(number));
        String log = Files.readString(world.home().resolve("logs/rbee-hive.log"));
        assertTrue(log.contains(expected), () -> "rbee-hive.log lacks '" + expected + "'");
    }

    @When("within {int} s the hive log says worker {int} {string}")
    public void withinHiveLogSays(int seconds, int number, String text) throws InterruptedException {
        String expected = text.replace("<id>", workerId(number));
        Eventually.within(seconds, () -> {
            try {
                return Files.readString(world.home().resolve("logs/rbee-hive.log")).contains(expected);
            } catch (IOException e) {
                return false;
            }
        }, () -> "rbee-hive.log never said '" + expected + "'");
    }

    @Then("{int} s after that the process of worker {int} still runs")
    public void workerProcessRunsAfter(int seconds, int number) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
        workerProcessRuns(number);
    }

    @Then("the hive log says worker {int} {string} {int} time(s)")
    public void hiveLogSaysTimes(int number, String text, int times) throws IOException {
        assertEquals(times, occurrences(text.replace("<id>", workerId(number))));
    }

    @When("within {int} s the hive log says worker {int} {string} {int} time(s)")
    public void withinHiveLogSaysTimes(int seconds, int number, String text, int times) throws InterruptedException {
        String expected = text.replace("<id>", workerId(number));
        Eventually.within(seconds, () -> occurrences(expected) == times, () -> "rbee-hive.log has '" + expected + "' "
                + occurrences(expected) + " time(s), not " + times);
    }

    private int occurrences(String text) {
        try {
            String log = Files.readString(world.home().resolve("logs/rbee-hive.log"));
            int count = 0;
            for (int at = log.indexOf(text); at >= 0; at = log.indexOf(text, at + 1)) {
                count++;
            }
            return count;
        } catch (IOException e) {
            return -1;
        }
    }

    @Then("the process of worker {int} is gone")
    public void workerProcessGone(int number) throws InterruptedException {
        String id = workerId(number);
        Eventually.within(5, () -> RbeeProcesses.withHome(world.home()).stream().noneMatch(f -> f.commandLine()
                .contains("--worker-id " + id + " ")), () -> id + " still runs");
    }

    @Then("the process of worker {int} still runs")
    public void workerProcessRuns(int number) {
        String id = workerId(number);
        assertTrue(RbeeProcesses.withHome(world.home()).stream().anyMatch(f -> f.commandLine()
                .contains("--worker-id " + id + " ")), id + " is gone");
    }

    @Then("the hive still answers \\/v1\\/health")
    public void hiveStillAnswers() throws IOException, InterruptedException {
        assertEquals(200, get("/v1/health", false).statusCode());
    }

    @Then("within {int} s the hive exits with code {int}")
    public void hiveExits(int seconds, int code) throws InterruptedException {
        assertEquals(code, hive.awaitExit(seconds), () -> "hive stderr:\n" + hive.stderr());
    }

    /** The harness resumes what a scenario stopped, then ends a hive the scenario left running. */
    @After(order = 20000)
    public void resumeAndStopTheHive() throws InterruptedException {
        for (long pid : stopped) {
            if (ProcessHandle.of(pid).isPresent()) {
                RbeeProcesses.signal(pid, "CONT");
            }
        }
        if (hive != null && hive.isAlive()) {
            try {
                RbeeProcesses.signal(hive.pid(), "TERM");
            } catch (AssertionError exitedMeanwhile) {
                if (hive.isAlive()) {
                    throw exitedMeanwhile;
                }
            }
            hive.awaitExit(40);
        }
    }
}
