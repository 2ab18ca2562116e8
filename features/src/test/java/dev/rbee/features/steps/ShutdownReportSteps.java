package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.RbeeProcesses.Program;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** S121: what {@code POST /v2/shutdown} reports, and when it answers, for a cluster with a stuck worker. */
public class ShutdownReportSteps {
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX");
    private final ScenarioWorld world;
    private final Json json = new Json();
    private final List<Long> stopped = new ArrayList<>();
    private HttpResponse<String> answer;
    private List<RbeeProcesses.Found> runningAtAnswer;

    public ShutdownReportSteps(ScenarioWorld world) {
        this.world = world;
    }

    @io.cucumber.java.en.Given("{int} workers for {string} were started on {string} and {int} on {string}")
    public void workersStarted(int first, String model, String firstNode, int second, String secondNode)
            throws InterruptedException {
        startWorkers(first, model, firstNode);
        startWorkers(second, model, secondNode);
    }

    private void startWorkers(int count, String model, String node) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            world.run(List.of("rbee-keeper", "worker", "start", "--node", node, "--model", model));
            assertEquals(0, world.lastExitCode(), () -> "worker start on " + node + ":\n" + world.lastRun().stderr());
        }
    }

    @When("the first worker on {string} receives SIGSTOP, remembered as <{word}>")
    public void stopFirstWorker(String node, String name) throws IOException, InterruptedException {
        JsonNode workers = json.tree(get("/v2/workers/list?node=" + node)).get("workers");
        assertTrue(workers.size() > 0, () -> "no worker on " + node);
        String id = workers.get(0).get("worker_id").asText();
        RbeeProcesses.Found process = RbeeProcesses.of(world.home(), Program.WORKER).stream()
                .filter(p -> p.commandLine().contains("--worker-id " + id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no process for " + id));
        RbeeProcesses.signal(process.pid(), "STOP");
        stopped.add(process.pid());
        world.remember(name, id);
    }

    /** Notes which processes of the scenario still ran the moment the answer arrived. */
    @When("I send POST \\/v2\\/shutdown to queen")
    public void postShutdown() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/shutdown"))
                    .timeout(Duration.ofSeconds(40)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        runningAtAnswer = RbeeProcesses.withHome(world.home());
    }

    @Then("the shutdown answer is {int} {string}")
    public void shutdownAnswer(int status, String body) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(json.tree(world.fill(body)), json.tree(answer.body()), answer.body());
    }

    /**
     * Every worker is gone when queen answers, and queen still runs. A hive may still be on its way out: queen counts
     * one stopped when its answer came and its port closed (a remote hive's process is only visible over SSH).
     */
    @Then("when the shutdown answer came, no llm-worker-rbee process of this scenario was left and queen-rbee ran")
    public void workersGoneQueenUpAtAnswer() {
        assertTrue(runningAtAnswer.stream().noneMatch(p -> p.commandLine().contains("dev.rbee.worker.")),
                () -> "running at the answer: " + runningAtAnswer);
        assertTrue(runningAtAnswer.stream().anyMatch(p -> p.commandLine().contains("dev.rbee.queen.Main")),
                () -> "running at the answer: " + runningAtAnswer);
    }

    @Then("the node log {string} of user {string} has {string} {int} s \\(±1 s) after {string}")
    public void lineAfter(String log, String user, String later, int seconds, String earlier) throws IOException {
        Path file = Path.of(world.remembered("node-rbee-home-" + user)).resolve("logs").resolve(log);
        List<String> lines = Files.readAllLines(file);
        OffsetDateTime first = timeOf(lines, world.fill(earlier), file);
        OffsetDateTime second = timeOf(lines, world.fill(later), file);
        long ms = Duration.between(first, second).toMillis();
        assertTrue(Math.abs(ms - seconds * 1000L) <= 1000, () -> "'" + later + "' came " + ms + " ms after '"
                + earlier + "'");
    }

    private static OffsetDateTime timeOf(List<String> lines, String text, Path file) {
        String line = lines.stream().filter(l -> l.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no line containing " + text));
        return OffsetDateTime.parse(line.substring(0, line.indexOf(' ')), LOG_TIME);
    }

    private String get(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** A stopped worker that outlived its scenario could not be cleaned up: resume it first. */
    @After(order = 20000)
    public void resumeStopped() {
        stopped.stream().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .forEach(pid -> RbeeProcesses.signal(pid, "CONT"));
    }
}
