package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.contract.worker.InferenceRequest;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.WorkerUnderTest;
import dev.rbee.features.kit.WorkerUnderTest.Timed;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

/** Jobs, slots, refusals and authentication on the worker that {@link WorkerSteps} started. */
public class WorkerJobSteps {
    private final ScenarioWorld world;
    private RbeeException refused;

    public WorkerJobSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("job {string} with {int} max tokens starts on the worker")
    public void jobStarts(String jobId, int maxTokens) {
        world.worker().startJob(jobId, maxTokens);
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
            world.worker().startJob(jobId, maxTokens);
            return null;
        } catch (RbeeException e) {
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Then("the worker has {int} busy slot(s)")
    public void busySlots(int busy) throws InterruptedException {
        for (int i = 0; i < 50 && world.worker().client().ready().slotsBusy() != busy; i++) {
            Thread.sleep(20);
        }
        assertEquals(busy, world.worker().client().ready().slotsBusy());
    }

    @When("another job {string} reaches the worker")
    public void anotherJob(String jobId) {
        refused = assertThrows(RbeeException.class, () -> world.worker().client().inference(
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
        List<Timed> events = world.worker().awaitJob(jobId, seconds);
        assertInstanceOf(StartedEvent.class, events.getFirst().event());
        assertEquals(tokens, events.stream().filter(t -> t.event() instanceof TokenEvent).count());
        assertInstanceOf(MetricsEvent.class, events.get(events.size() - 2).event());
        EndEvent end = assertInstanceOf(EndEvent.class, events.getLast().event());
        assertEquals(reason, end.stopReason().name());
    }

    @Then("job {string} ends with {string} within {int} s")
    public void jobEnds(String jobId, String reason, int seconds) throws Exception {
        EndEvent end = assertInstanceOf(EndEvent.class, world.worker().awaitJob(jobId, seconds).getLast().event());
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
        return world.worker().awaitJob(jobId, 30).stream().filter(t -> t.event() instanceof TokenEvent)
                .map(Timed::atNanos).toList();
    }

    @When("I cancel job {string} on the worker {int} time(s)")
    public void cancel(String jobId, int times) {
        for (int i = 0; i < times; i++) {
            world.worker().client().cancel(jobId);
        }
    }

    @When("a request with an empty job_id, max_tokens 0, temperature 3.5 and 5 stop strings reaches the worker")
    public void invalidRequest() {
        InferenceRequest bad = new InferenceRequest("", "hi", 0, 3.5, null, null, null, null, null,
                List.of("a", "b", "c", "d", "e"));
        refused = assertThrows(RbeeException.class, () -> world.worker().client().inference(bad));
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
        var http = world.worker().client(token).http();
        RbeeException e = assertThrows(RbeeException.class, () -> http.exchange(method, path,
                "POST".equals(method) ? Map.of() : null, Object.class));
        assertEquals(401, e.status());
        return e;
    }

    @Then("GET \\/health on the worker answers without a secret")
    public void healthWithoutSecret() {
        assertEquals("healthy", world.worker().client(null).health().status());
    }
}
