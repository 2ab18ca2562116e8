package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.hive.HWorker;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.hive.HiveSpawnResponse;
import dev.rbee.contract.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A scenario speaking to an rbee-hive's own API, as queen would (with the cluster secret). */
public class HiveApiSteps {
    private final ScenarioWorld world;
    private HiveSpawnResponse spawned;
    private long spawnedAtNanos;
    private long workerPid;
    private final Json json = new Json();

    public HiveApiSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("a worker for {string} is spawned through the hive API")
    public void spawnThroughTheHive(String modelRef) {
        spawnedAtNanos = System.nanoTime();
        spawned = hive().spawnWorker(new HiveSpawnRequest(world.fill(modelRef), null, null, null));
        world.remember("worker-id", spawned.workerId());
        workerPid = entry().orElseThrow().pid();
    }

    @When("a worker for {string} on {word}:{int} is spawned through the hive API")
    public void spawnOnDevice(String modelRef, String backend, int device) {
        spawnedAtNanos = System.nanoTime();
        spawned = hive().spawnWorker(new HiveSpawnRequest(world.fill(modelRef), backend, device, null));
        world.remember("worker-id", spawned.workerId());
        workerPid = entry().orElseThrow().pid();
        world.remember("worker-pid", String.valueOf(workerPid));
        world.remember("worker-port", String.valueOf(spawned.port()));
    }

    /** Each row is a field of the worker's entry in {@code GET /v1/workers/list}, as JSON text. */
    @Then("the hive lists the worker with:")
    public void listedWith(Map<String, String> fields) {
        JsonNode listed = json.tree(json.write(entry().orElseThrow(() -> new AssertionError("worker not listed"))));
        fields.forEach((field, value) -> {
            JsonNode actual = listed.get(field);
            assertTrue(actual != null && !actual.isNull(), () -> field + " missing in " + listed);
            assertEquals(world.fill(value), actual.isTextual() ? actual.asText() : actual.toString(), field);
        });
    }

    @Then("the hive lists no worker")
    public void listsNone() {
        assertEquals(List.of(), hive().workersList().workers());
    }

    @Then("{int} s after the spawn the hive still lists the worker as {string}")
    public void stillListedAs(int seconds, String state) throws InterruptedException {
        long wait = spawnedAtNanos + seconds * 1_000_000_000L - System.nanoTime();
        Thread.sleep(Math.max(0, wait / 1_000_000));
        assertEquals(state, entry().orElseThrow(() -> new AssertionError("worker not listed")).state());
        assertTrue(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false), "worker process gone");
    }

    @Then("within {int} s the hive lists the worker in state {string} with error {string}")
    public void listedWithError(int seconds, String state, String code) throws InterruptedException {
        Eventually.within(seconds, () -> entry().map(w -> state.equals(w.state()) && w.error() != null
                && code.equals(w.error().code())).orElse(false), () -> "listed as " + entry());
    }

    @Then("the worker's error message is {string}")
    public void errorMessage(String message) {
        assertEquals(message, entry().orElseThrow().error().message());
    }

    @Then("within {int} s the worker's process is gone and its port is free")
    public void processAndPortGone(int seconds) throws InterruptedException {
        Eventually.within(seconds, () -> ProcessHandle.of(workerPid).map(p -> !p.isAlive()).orElse(true),
                () -> "worker pid " + workerPid + " still alive");
        try (ServerSocket ignored = new ServerSocket(spawned.port())) {
            assertFalse(ignored.isClosed());
        } catch (IOException e) {
            throw new AssertionError("port " + spawned.port() + " still taken", e);
        }
    }

    private Optional<HWorker> entry() {
        return hive().workersList().workers().stream().filter(w -> w.workerId().equals(spawned.workerId()))
                .findFirst();
    }

    private HiveClient hive() {
        return new HiveClient(new HttpJson(Endpoint.of(world.hiveUrl(), ScenarioWorld.CLUSTER_SECRET,
                Duration.ofSeconds(1), Duration.ofSeconds(35)), new Json()));
    }
}
