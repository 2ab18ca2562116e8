package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.sse.LoadingEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.worker.ReadyResponse;
import dev.rbee.engine.gguf.GgmlType;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.WorkerUnderTest;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real llm-worker-rbee process, talked to over HTTP with the cluster secret (api.md §7). */
public class WorkerSteps {
    private final ScenarioWorld world;
    private Path model;
    private List<SseEvent> loadingEvents;

    public WorkerSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** The scenario plays the worker's hive: closing its stdin is the hive going away, so the worker exits. */
    @io.cucumber.java.After(order = 20000)
    public void stopTheWorker() throws InterruptedException {
        if (world.worker() != null && world.worker().process().isAlive()) {
            world.worker().process().closeStdin();
            world.worker().process().awaitExit(10);
        }
    }

    @Given("a random test model with {int} layers")
    public void aRandomTestModel(int layers) throws Exception {
        aRandomTestModelWithContext(layers, 2048);
    }

    @Given("a random test model with {int} layers and a context of {int} tokens")
    public void aRandomTestModelWithContext(int layers, int context) throws Exception {
        model = world.home().resolve("models/test " + layers + "-layers.gguf");
        new RandomLlamaGenerator().write(new LlamaModelSpec("test", 64, layers, 4, 4, 128, context, GgmlType.F32, 3),
                model);
    }

    @Given("a model file that is not a GGUF")
    public void aModelThatIsNotGguf() throws java.io.IOException {
        model = world.home().resolve("models/not a model.gguf");
        Files.createDirectories(model.getParent());
        Files.writeString(model, "GGUF? no: just text that happens to end in .gguf");
    }

    @Then("the loading stream ends with error {string}")
    public void loadingEndsWithError(String code) {
        var error = assertInstanceOf(dev.rbee.contract.sse.ErrorEvent.class, loadingEvents.getLast());
        assertEquals(code, error.code());
    }

    @When("a worker starts for it with {int} slot(s)")
    public void aWorkerStarts(int slots) {
        world.worker(WorkerUnderTest.start(Path.of(System.getProperty("rbee.root")), world.env(), model, slots));
    }

    @When("a worker starts for it on backend {string} device {int}")
    public void aWorkerStartsOn(String backend, int device) {
        world.worker(WorkerUnderTest.start(Path.of(System.getProperty("rbee.root")), world.env(), model, 1, backend));
    }

    @Given("an idle worker for it with {int} slot(s)")
    public void anIdleWorker(int slots) throws InterruptedException {
        aWorkerStarts(slots);
        theWorkerBecomesIdle(60);
    }

    @Then("within {int} s the worker answers GET \\/v1\\/ready with state {string} and a progress URL")
    public void readyWhileLoading(int seconds, String state) throws InterruptedException {
        ReadyResponse ready = pollReady(seconds);
        assertEquals(state, ready.state());
        assertFalse(ready.ready());
        assertEquals(world.worker().url() + "/v1/loading/progress", ready.progressUrl());
    }

    @Then("within {int} s the worker is idle")
    public void theWorkerBecomesIdle(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if ("idle".equals(world.worker().client().ready().state())) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // the worker may still be starting its JVM
            }
            Thread.sleep(100);
        }
        throw new AssertionError("worker not idle after " + seconds + " s");
    }

    @Then("GET \\/v1\\/ready answers ready with state {string}, model_loaded and no progress URL")
    public void readyWhenLoaded(String state) {
        ReadyResponse ready = world.worker().client().ready();
        assertTrue(ready.ready());
        assertEquals(state, ready.state());
        assertEquals(Boolean.TRUE, ready.modelLoaded());
        assertNull(ready.progressUrl());
    }

    @Then("the worker's command line shows {string} but not the cluster secret")
    public void commandLine(String flags) {
        String cmd = RbeeProcesses.of(world.home(), RbeeProcesses.Program.WORKER).getFirst().commandLine();
        for (String flag : flags.split(" ")) {
            assertTrue(cmd.contains(flag), flag + " missing in " + cmd);
        }
        assertFalse(cmd.contains(WorkerUnderTest.SECRET), "the secret is on the command line");
    }

    @When("I subscribe to the loading progress")
    public void subscribe() throws InterruptedException {
        pollReady(10);
        try (SseResponse response = world.worker().client().loadingProgress()) {
            loadingEvents = new ArrayList<>();
            response.events().forEachRemaining(loadingEvents::add);
            assertTrue(response.events().sawDone(), "no [DONE]");
        }
    }

    @Then("the loading events rise to {int} of {int} layers, then ready")
    public void loadingEventsRise(int last, int total) {
        int previous = -1;
        for (SseEvent e : loadingEvents.subList(0, loadingEvents.size() - 1)) {
            LoadingEvent loading = assertInstanceOf(LoadingEvent.class, e);
            assertTrue(loading.layersLoaded() >= previous, "layers_loaded went down");
            assertEquals(total, loading.layersTotal());
            previous = loading.layersLoaded();
        }
        assertEquals(last, previous);
        assertInstanceOf(ReadyEvent.class, loadingEvents.getLast());
    }

    @Then("the loading stream is just ready")
    public void justReady() {
        assertEquals(1, loadingEvents.size(), () -> "events: " + loadingEvents);
        assertInstanceOf(ReadyEvent.class, loadingEvents.getFirst());
    }

    @When("the worker receives POST \\/v1\\/admin\\/shutdown")
    public void adminShutdown() {
        assertEquals("draining", world.worker().client().adminShutdown().state());
    }

    @When("the worker receives SIGTERM")
    public void sigterm() {
        RbeeProcesses.signal(world.worker().process().pid(), "TERM");
    }

    @Then("GET \\/v1\\/ready says {string}")
    public void readySays(String state) {
        assertEquals(state, world.worker().client().ready().state());
    }

    @Then("within {int} s the worker process exits with code {int}")
    public void workerExits(int seconds, int code) throws InterruptedException {
        assertEquals(code, world.worker().process().awaitExit(seconds), () -> "worker log:\n" + workerLog());
    }

    private String workerLog() {
        try {
            return Files.readString(world.home().resolve("logs/worker-5c01.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    private ReadyResponse pollReady(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            try {
                return world.worker().client().ready();
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the worker did not answer /v1/ready within " + seconds + " s", notYet);
                }
                Thread.sleep(50);
            }
        }
    }
}
