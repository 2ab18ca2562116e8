package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.Times;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.HeartbeatGate;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** S147: a busy worker whose heartbeats stop reaching queen, while its hive and its job go on. */
public class StaleWorkerSteps {
    private final ScenarioWorld world;
    private final LifecycleSteps lifecycle;
    private final Json json = new Json();
    private HeartbeatGate gate;
    private final List<String> firstTask = new CopyOnWriteArrayList<>();
    private CompletableFuture<Void> firstTaskDone;

    public StaleWorkerSteps(ScenarioWorld world, LifecycleSteps lifecycle) {
        this.world = world;
        this.lifecycle = lifecycle;
    }

    @After
    public void closeGate() {
        if (gate != null) {
            gate.close();
        }
    }

    @Given("queen-rbee was started by the operator, its hive reaching it through a gate that can hold back heartbeats")
    public void queenBehindAGate() throws InterruptedException {
        gate = new HeartbeatGate(world.queenUrl());
        world.env().put("RBEE_QUEEN_ADVERTISE_URL", gate.url());
        lifecycle.queenStartedByTheOperator();
    }

    @When("a long task {string} starts through POST \\/v2\\/tasks and shows its first token")
    public void longTask(String body) throws InterruptedException {
        firstTaskDone = CompletableFuture.runAsync(() -> stream(body, firstTask));
        Eventually.within(60, () -> firstTask.stream().anyMatch(d -> d.contains("\"type\":\"token\"")),
                () -> "no token yet: " + firstTask);
    }

    @When("the gate holds back every heartbeat to queen")
    public void holdBack() {
        gate.holdBackHeartbeats(true);
    }

    @When("the gate lets heartbeats through again")
    public void letThrough() {
        gate.holdBackHeartbeats(false);
    }

    /**
     * The 15 s count from the entry's last refresh, which {@code last_heartbeat_at} shows: a heartbeat that passed
     * before the gate closed, or queen's own record of the worker becoming ready, whichever came last.
     */
    @Then("<worker-id> turns stale {int} s after its last heartbeat, give or take {int} s")
    public void turnsStale(int seconds, int slack) throws InterruptedException {
        Eventually.within(seconds + 5 + slack, () -> worker().map(w -> w.get("stale").asBoolean()).orElse(false),
                () -> "not stale: " + worker());
        long staleAt = System.currentTimeMillis();
        JsonNode w = worker().orElseThrow();
        long afterMs = staleAt - Times.parse(w.get("last_heartbeat_at").asText()).toEpochMilli();
        assertTrue(Math.abs(afterMs - seconds * 1000L) <= slack * 1000L, () -> "stale " + afterMs + " ms after its "
                + "last heartbeat: " + w);
        assertEquals("busy", w.get("state").asText(), "its job still runs");
    }

    @Then("a new task {string} runs on another worker than <worker-id>")
    public void newTaskElsewhere(String body) {
        List<String> events = new CopyOnWriteArrayList<>();
        stream(body, events);
        JsonNode started = events.stream().filter(d -> d.startsWith("{")).map(json::tree).filter(e -> "started".equals(e.path("type").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no started event: " + events));
        assertNotEquals(world.remembered("worker-id"), started.get("worker_id").asText(), events::toString);
        assertTrue(events.stream().anyMatch(d -> d.contains("\"type\":\"end\"")), events::toString);
    }

    @Then("the long task ends with end {string}")
    public void longTaskEnds(String stopReason) throws Exception {
        firstTaskDone.get(90, TimeUnit.SECONDS);
        JsonNode end = json.tree(firstTask.get(firstTask.size() - 2));
        assertEquals("end", end.get("type").asText(), firstTask::toString);
        assertEquals(stopReason, end.get("stop_reason").asText());
    }

    @Then("within {int} s <worker-id> is gone from \\/v2\\/workers\\/list while its process still runs")
    public void goneButAlive(int seconds) throws InterruptedException {
        Eventually.within(seconds, () -> worker().isEmpty(), () -> "still listed: " + worker());
        String port = String.valueOf(URI.create(world.remembered("worker-url")).getPort());
        assertTrue(RbeeProcesses.of(world.home(), RbeeProcesses.Program.WORKER).stream()
                .anyMatch(p -> p.commandLine().contains("--port " + port + " ")), "the worker process is gone too");
    }

    @Then("within {int} s <worker-id> is listed {string} and not stale")
    public void listedFresh(int seconds, String state) throws InterruptedException {
        Eventually.within(seconds, () -> worker().map(w -> state.equals(w.get("state").asText())
                && !w.get("stale").asBoolean()).orElse(false), () -> "listed as " + worker());
    }

    private Optional<JsonNode> worker() {
        String id = world.remembered("worker-id");
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/workers/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode w : json.tree(body).get("workers")) {
                if (w.get("worker_id").asText().equals(id)) {
                    return Optional.of(w);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a task and collects the data of its events until the stream closes. */
    private void stream(String body, List<String> into) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl()
                    + "/v2/tasks")).header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("data: ")) {
                        into.add(line.substring(6));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertFalse(into.isEmpty(), "an empty stream");
    }
}
