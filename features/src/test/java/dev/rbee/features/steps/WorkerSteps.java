package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.LoadingEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.contract.worker.InferenceRequest;
import dev.rbee.contract.worker.ReadyResponse;
import dev.rbee.engine.gguf.GgmlType;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.WorkerUnderTest;
import dev.rbee.features.kit.WorkerUnderTest.Timed;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

/** A real llm-worker-rbee process, talked to over HTTP with the cluster secret (api.md §7). */
public class WorkerSteps {
    private final ScenarioWorld world;
    private Path model;
    private WorkerUnderTest worker;
    private List<SseEvent> loadingEvents;
    private RbeeException refused;

    public WorkerSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** The scenario plays the worker's hive: closing its stdin is the hive going away, so the worker exits. */
    @io.cucumber.java.After(order = 20000)
    public void stopTheWorker() throws InterruptedException {
        if (worker != null && worker.process().isAlive()) {
            worker.process().closeStdin();
            worker.process().awaitExit(10);
        }
    }

    @Given("a random test model with {int} layers")
    public void aRandomTestModel(int layers) throws Exception {
        model = world.home().resolve("models/test " + layers + "-layers.gguf");
        new RandomLlamaGenerator().write(new LlamaModelSpec("test", 64, layers, 4, 4, 128, 2048, GgmlType.F32, 3),
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
        worker = WorkerUnderTest.start(Path.of(System.getProperty("rbee.root")), world.env(), model, slots);
    }

    @When("a worker starts for it on backend {string} device {int}")
    public void aWorkerStartsOn(String backend, int device) {
        worker = WorkerUnderTest.start(Path.of(System.getProperty("rbee.root")), world.env(), model, 1, backend);
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
        assertEquals(worker.url() + "/v1/loading/progress", ready.progressUrl());
    }

    @Then("within {int} s the worker is idle")
    public void theWorkerBecomesIdle(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if ("idle".equals(worker.client().ready().state())) {
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
        ReadyResponse ready = worker.client().ready();
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
        try (SseResponse response = worker.client().loadingProgress()) {
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

    @When("job {string} with {int} max tokens starts on the worker")
    public void jobStarts(String jobId, int maxTokens) {
        worker.startJob(jobId, maxTokens);
    }

    @When("jobs {string} and {string} with {int} max tokens start on the worker at the same moment")
    public void twoJobsAtOnce(String a, String b, int maxTokens) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        CompletableFuture<RbeeException> first = CompletableFuture.supplyAsync(() -> race(barrier, a, maxTokens));
        CompletableFuture<RbeeException> second = CompletableFuture.supplyAsync(() -> race(barrier, b, maxTokens));
        List<RbeeException> refusals = java.util.stream.Stream.of(first.get(), second.get())
                .filter(java.util.Objects::nonNull).toList();
        assertEquals(1, refusals.size(), "exactly one of the two must be refused");
        refused = refusals.getFirst();
    }

    private RbeeException race(CyclicBarrier barrier, String jobId, int maxTokens) {
        try {
            barrier.await();
            worker.startJob(jobId, maxTokens);
            return null;
        } catch (RbeeException e) {
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Then("the worker has {int} busy slot(s)")
    public void busySlots(int busy) throws InterruptedException {
        for (int i = 0; i < 50 && worker.client().ready().slotsBusy() != busy; i++) {
            Thread.sleep(20);
        }
        assertEquals(busy, worker.client().ready().slotsBusy());
    }

    @When("another job {string} reaches the worker")
    public void anotherJob(String jobId) {
        refused = assertThrows(RbeeException.class, () -> worker.client().inference(
                WorkerUnderTest.request(jobId, 5)));
    }

    @Then("it is refused with {int} {word} and message {string}")
    public void refusedWith(int status, String code, String message) {
        assertEquals(status, refused.status());
        assertEquals(code, refused.code());
        assertEquals(message, refused.getMessage());
    }

    @Then("it is refused with {int} {word}")
    public void refusedWithCode(int status, String code) {
        assertEquals(status, refused.status());
        assertEquals(code, refused.code());
    }

    @Then("the refusal's details have {word} {int}")
    public void refusalDetail(String key, int value) {
        assertEquals(value, refused.details().get(key), () -> "details: " + refused.details());
    }

    @Then("the refusal's details have {word} {string}")
    public void refusalDetailText(String key, String value) {
        assertEquals(value, refused.details().get(key), () -> "details: " + refused.details());
    }

    @Then("job {string} streams started, {int} tokens, metrics and end {string} within {int} s")
    public void jobStreams(String jobId, int tokens, String reason, int seconds) throws Exception {
        List<Timed> events = worker.awaitJob(jobId, seconds);
        assertInstanceOf(StartedEvent.class, events.getFirst().event());
        assertEquals(tokens, events.stream().filter(t -> t.event() instanceof TokenEvent).count());
        assertInstanceOf(MetricsEvent.class, events.get(events.size() - 2).event());
        EndEvent end = assertInstanceOf(EndEvent.class, events.getLast().event());
        assertEquals(reason, end.stopReason().name());
    }

    @Then("job {string} ends with {string} within {int} s")
    public void jobEnds(String jobId, String reason, int seconds) throws Exception {
        EndEvent end = assertInstanceOf(EndEvent.class, worker.awaitJob(jobId, seconds).getLast().event());
        assertEquals(reason, end.stopReason().name());
    }

    @Then("the tokens of jobs {string} and {string} were interleaved in time")
    public void interleaved(String a, String b) throws Exception {
        List<Long> tokensA = tokenTimes(a);
        List<Long> tokensB = tokenTimes(b);
        assertTrue(tokensA.getFirst() < tokensB.getLast() && tokensB.getFirst() < tokensA.getLast(),
                "one job streamed entirely before the other");
    }

    private List<Long> tokenTimes(String jobId) throws Exception {
        return worker.awaitJob(jobId, 30).stream().filter(t -> t.event() instanceof TokenEvent)
                .map(Timed::atNanos).toList();
    }

    @When("I cancel job {string} on the worker {int} time(s)")
    public void cancel(String jobId, int times) {
        for (int i = 0; i < times; i++) {
            worker.client().cancel(jobId);
        }
    }

    @When("a request with an empty job_id, max_tokens 0, temperature 3.5 and 5 stop strings reaches the worker")
    public void invalidRequest() {
        InferenceRequest bad = new InferenceRequest("", "hi", 0, 3.5, null, null, null, null, null,
                List.of("a", "b", "c", "d", "e"));
        refused = assertThrows(RbeeException.class, () -> worker.client().inference(bad));
    }

    @Then("the refusal lists the fields {string}")
    public void refusalFields(String fields) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.details().get("errors");
        assertEquals(List.of(fields.split(",\\s*")), errors.stream().map(e -> (String) e.get("field")).toList());
    }

    @Then("calling {word} {string} on the worker without a secret answers 401 {word}")
    public void withoutSecret(String method, String path, String code) {
        assertEquals(code, callWith(null, method, path).code());
    }

    @Then("calling {word} {string} on the worker with a wrong secret answers 401 {word}")
    public void withWrongSecret(String method, String path, String code) {
        assertEquals(code, callWith("guessed", method, path).code());
    }

    private RbeeException callWith(String token, String method, String path) {
        var http = worker.client(token).http();
        RbeeException e = assertThrows(RbeeException.class, () -> http.exchange(method, path,
                "POST".equals(method) ? Map.of() : null, Object.class));
        assertEquals(401, e.status());
        return e;
    }

    @Then("GET \\/health on the worker answers without a secret")
    public void healthWithoutSecret() {
        assertEquals("healthy", worker.client(null).health().status());
    }

    @When("the worker receives POST \\/v1\\/admin\\/shutdown")
    public void adminShutdown() {
        assertEquals("draining", worker.client().adminShutdown().state());
    }

    @When("the worker receives SIGTERM")
    public void sigterm() {
        RbeeProcesses.signal(worker.process().pid(), "TERM");
    }

    @Then("GET \\/v1\\/ready says {string}")
    public void readySays(String state) {
        assertEquals(state, worker.client().ready().state());
    }

    @Then("within {int} s the worker process exits with code {int}")
    public void workerExits(int seconds, int code) throws InterruptedException {
        assertEquals(code, worker.process().awaitExit(seconds), () -> "worker log:\n" + workerLog());
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
                return worker.client().ready();
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the worker did not answer /v1/ready within " + seconds + " s", notYet);
                }
                Thread.sleep(50);
            }
        }
    }
}
