package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.FaultProxy;
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

/** The localhost hive as queen runs it: its heartbeats (S111) and what queen does when a worker dies (S083). */
public class HiveLifeSteps {
    private static final String HEARTBEAT = "POST /v2/hives/heartbeat ";

    private final ScenarioWorld world;
    private final LifecycleSteps lifecycle;
    private final Json json = new Json();
    private FaultProxy proxy;
    private long periodStart;
    private long periodEnd;
    private long rememberedHivePid;

    public HiveLifeSteps(ScenarioWorld world, LifecycleSteps lifecycle) {
        this.world = world;
        this.lifecycle = lifecycle;
    }

    @After
    public void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** Queen tells its hive the proxy's URL (RBEE_QUEEN_ADVERTISE_URL); the proxy times each heartbeat queen gets. */
    @Given("queen-rbee was started by the operator, its hive reaching it through a proxy that counts heartbeats")
    public void queenBehindACountingProxy() throws InterruptedException {
        proxy = new FaultProxy(world.queenPort());
        proxy.watchRequests(HEARTBEAT);
        world.env().put("RBEE_QUEEN_ADVERTISE_URL", proxy.url());
        lifecycle.queenStartedByTheOperator();
    }

    @When("{int} s pass")
    public void secondsPass(int seconds) throws InterruptedException {
        periodStart = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        periodEnd = System.nanoTime();
    }

    @Then("queen received {int} hive heartbeats, give or take {int}, in that time")
    public void heartbeatsReceived(int expected, int slack) {
        long count = proxy.requestTimes(HEARTBEAT).stream().filter(t -> t >= periodStart && t <= periodEnd).count();
        assertTrue(Math.abs(count - expected) <= slack, "queen received " + count + " heartbeats");
    }

    @Then("the hive of localhost still runs and answers \\/v1\\/health and \\/v1\\/workers\\/list")
    public void hiveStillServes() throws IOException, InterruptedException {
        assertFalse(RbeeProcesses.of(world.home(), RbeeProcesses.Program.HIVE).isEmpty(), "no rbee-hive process");
        String secret = Files.readString(world.home().resolve("cluster-secret")).trim();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(world.hiveUrl()
                    + "/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(world.hiveUrl()
                    + "/v1/workers/list")).header("Authorization", "Bearer " + secret).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode(), list.body());
            assertEquals(1, json.tree(list.body()).get("workers").size(), list.body());
        }
    }

    @Then("queen's only worker is a new one on the port of <worker-id>")
    public void newWorkerSamePort() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/workers/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            JsonNode workers = json.tree(body).get("workers");
            assertEquals(1, workers.size(), body);
            assertNotEquals(world.remembered("worker-id"), workers.get(0).get("worker_id").asText(), body);
            assertEquals(URI.create(world.remembered("worker-url")).getPort(),
                    URI.create(workers.get(0).get("url").asText()).getPort(), body);
        }
    }

    @Given("I remember the hive's pid")
    public void rememberHivePid() {
        rememberedHivePid = onlyHivePid();
    }

    @Then("the hive still has the pid I remembered")
    public void hiveKeptItsPid() {
        assertEquals(rememberedHivePid, onlyHivePid(), "the hive's pid changed");
    }

    private long onlyHivePid() {
        java.util.List<RbeeProcesses.Found> hives = RbeeProcesses.of(world.home(), RbeeProcesses.Program.HIVE);
        assertEquals(1, hives.size(), () -> "rbee-hive processes: " + hives);
        return hives.getFirst().pid();
    }

    @Then("the first {int} worker ports are free")
    public void workerPortsFree(int count) {
        for (int port = world.firstWorkerPort(); port < world.firstWorkerPort() + count; port++) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(port, 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                assertTrue(free.isBound());
            } catch (IOException e) {
                throw new AssertionError("worker port " + port + " is still taken: " + e.getMessage(), e);
            }
        }
    }
}
