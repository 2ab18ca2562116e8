package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.CommandRun;
import dev.rbee.features.kit.RbeeProcesses;
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
import java.util.stream.Stream;

/** The cluster's state as seen from outside: ports, processes, files, logs. */
public class ClusterSteps {
    private final ScenarioWorld world;

    public ClusterSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("a fresh RBEE_HOME and no queen-rbee answering on a loopback queen URL")
    public void aFreshHomeAndNoQueen() throws InterruptedException {
        try (Stream<Path> entries = Files.list(world.home())) {
            assertEquals(0, entries.count(), "RBEE_HOME must start empty");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(world.queenUrl().startsWith("http://127.0.0.1:"));
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
            throw new AssertionError("something already answers on " + world.queenUrl());
        } catch (IOException expected) {
            // connection refused: no queen
        }
    }

    @Given("a hub server that records every request")
    public void aHubServer() {
        world.startHub();
    }

    @Given("the worker takes {int} ms per token")
    public void theWorkerTakesMsPerToken(int millis) {
        addFault("worker.token_delay_ms=" + millis);
    }

    private void addFault(String fault) {
        world.env().put("RBEE_TEST_MODE", "1");
        world.env().merge("RBEE_TEST_FAULTS", fault, (a, b) -> a + "," + b);
    }

    @Given("the worker idle timeout is {int} s")
    public void idleTimeout(int seconds) {
        world.env().put("RBEE_WORKER_IDLE_TIMEOUT_MS", String.valueOf(seconds * 1000L));
    }

    @Given("queen's inference stall timeout is {int} s")
    public void stallTimeout(int seconds) {
        world.env().put("RBEE_INFERENCE_STALL_TIMEOUT_MS", String.valueOf(seconds * 1000L));
    }

    @Then("the stderr line containing {string} came at least {int} ms after the last token on stdout")
    public void stderrLineCameLate(String text, int millis) {
        // keeper ends a broken line of tokens with a newline when it reports the error; that is not a token
        long lastOut = world.lastRun().stdoutChunks().stream().filter(c -> !c.text().isBlank())
                .reduce((a, b) -> b).orElseThrow().atNanos();
        long line = world.lastRun().stderrChunks().stream().filter(c -> c.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' on stderr")).atNanos();
        assertTrue((line - lastOut) / 1_000_000 >= millis, "came " + (line - lastOut) / 1_000_000
                + " ms after the last token");
    }

    @Given("the devices are simulated as {string}")
    public void devicesAreSimulated(String inventory) {
        world.env().put("RBEE_FAKE_DEVICES", inventory);
    }

    @Given("the worker takes {int} ms per layer to load")
    public void theWorkerTakesMsPerLayer(int millis) {
        addFault("worker.layer_delay_ms=" + millis);
    }

    @Then("the hub server received no request")
    public void theHubServerReceivedNoRequest() {
        assertEquals(List.of(), world.hub().requests());
    }

    @Then("the tokens reached stdout while they were generated, the first at least {int} ms before the last")
    public void tokensWereStreamed(int millis) {
        List<CommandRun.Chunk> chunks = world.lastRun().stdoutChunks();
        assertTrue(chunks.size() >= 2, "tokens arrived in " + chunks.size() + " write(s): not streamed");
        long spreadMs = (chunks.getLast().atNanos() - chunks.getFirst().atNanos()) / 1_000_000;
        assertTrue(spreadMs >= millis, "first and last stdout output only " + spreadMs + " ms apart");
        assertTrue(chunks.getFirst().atNanos() < world.lastRun().endedNanos());
    }

    @Then("RBEE_HOME contains the file {string}")
    public void homeContainsTheFile(String relative) {
        assertTrue(Files.isRegularFile(world.home().resolve(relative)), relative + " missing in " + world.home());
    }

    @Then("the log {string} contains {string}")
    public void theLogContains(String log, String text) throws IOException {
        Path file = world.home().resolve("logs").resolve(log);
        String expected = world.fill(text);
        assertTrue(Files.readString(file).contains(expected), () -> log + " does not contain '" + expected + "'");
    }

    @Then("a worker log in RBEE_HOME contains {string}")
    public void aWorkerLogContains(String text) throws IOException {
        try (Stream<Path> logs = Files.list(world.home().resolve("logs"))) {
            List<Path> workerLogs = logs.filter(p -> p.getFileName().toString().startsWith("worker-")).toList();
            assertFalse(workerLogs.isEmpty(), "no worker log");
            for (Path log : workerLogs) {
                if (Files.readString(log).contains(text)) {
                    return;
                }
            }
            throw new AssertionError("no worker log contains '" + text + "'");
        }
    }

    @Then("no queen-rbee, rbee-hive or llm-worker-rbee process of this scenario is left")
    public void noProcessIsLeft() {
        List<RbeeProcesses.Found> left = RbeeProcesses.withHome(world.home());
        assertEquals(List.of(), left, "processes left when keeper returned");
    }
}
