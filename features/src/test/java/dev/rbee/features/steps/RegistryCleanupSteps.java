package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.Times;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Queen's stale cleanup racing registrations (S140) and a heartbeat racing a shutdown (S141), against a real queen.
 * The entries of S140 go stale the real way: 120 s without a heartbeat, since no hive runs to refresh them.
 */
public class RegistryCleanupSteps {
    private static final String REGISTER = "/v2/workers/register";

    private final ScenarioWorld world;
    private final ConcurrencySteps calls;
    private List<String> staleIds = List.of();
    private List<String> newIds = List.of();
    private final List<HttpResponse<String>> answers = new ArrayList<>();
    private long batchNanos;
    private String threadDump = "";
    private Instant releasedAt;

    public RegistryCleanupSteps(ScenarioWorld world, ConcurrencySteps calls) {
        this.world = world;
        this.calls = calls;
    }

    private static List<String> ids(char prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("worker-%c%03x", prefix, i)).toList();
    }

    @When("{int} workers of {string} register and then hear nothing for {int} s")
    public void workersGoStale(int count, String node, int seconds) throws Exception {
        staleIds = ids('a', count);
        for (HttpResponse<String> a : ConcurrencySteps.together(staleIds.stream()
                .map(id -> calls.request(REGISTER, ConcurrencySteps.registration(id, node))).toList())) {
            assertEquals(201, a.statusCode(), a.body());
        }
        Thread.sleep(seconds * 1000L);
    }

    @Then("queen lists all {int} of them as stale")
    public void allStale(int count) throws IOException, InterruptedException {
        List<JsonNode> stale = calls.listed().stream().filter(w -> staleIds.contains(w.get("worker_id").asText()))
                .toList();
        assertEquals(count, stale.size(), "not removed before 120 s: " + stale.size());
        assertTrue(stale.stream().allMatch(w -> w.get("stale").asBoolean()), stale::toString);
    }

    /** One registration every 10 ms, each on its own thread; half-way through, {@code jcmd Thread.print}. */
    @When("{int} new workers of {string} register over the next second while a thread dump of queen is taken")
    public void registerWhileCleaning(int count, String node) throws Exception {
        newIds = ids('b', count);
        long queenPid = RbeeProcesses.of(world.home(), RbeeProcesses.Program.QUEEN).getFirst().pid();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            CompletableFuture<String> dump = CompletableFuture.supplyAsync(() -> threadDump(queenPid), threads);
            for (String id : newIds) {
                pending.add(CompletableFuture.supplyAsync(() -> ConcurrencySteps.send(
                        calls.request(REGISTER, ConcurrencySteps.registration(id, node))), threads));
                Thread.sleep(10);
            }
            for (CompletableFuture<HttpResponse<String>> p : pending) {
                answers.add(p.get(30, TimeUnit.SECONDS));
            }
            batchNanos = System.nanoTime() - start;
            threadDump = dump.get(30, TimeUnit.SECONDS);
        }
    }

    private static String threadDump(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Then("all {int} registrations got 201 within {int} s")
    public void allRegistered(int count, int seconds) {
        assertEquals(count, answers.size());
        answers.forEach(a -> assertEquals(201, a.statusCode(), a.body()));
        assertTrue(batchNanos <= seconds * 1_000_000_000L, "took " + batchNanos / 1_000_000 + " ms");
    }

    @Then("the thread dump shows no deadlock")
    public void noDeadlock() {
        assertTrue(threadDump.contains("Full thread dump"), () -> "no thread dump: " + threadDump);
        assertFalse(threadDump.contains("deadlock"), threadDump);
    }

    @Then("within {int} s queen lists exactly the {int} new workers, none stale")
    public void onlyNewOnes(int seconds, int count) throws InterruptedException {
        Eventually.within(seconds, () -> listedIds().equals(Set.copyOf(newIds)), () -> "listed: " + listedIds());
        assertEquals(count, newIds.size());
        assertTrue(listedQuietly().stream().noneMatch(w -> w.get("stale").asBoolean()));
    }

    private Set<String> listedIds() {
        return Set.copyOf(listedQuietly().stream().map(w -> w.get("worker_id").asText()).toList());
    }

    private List<JsonNode> listedQuietly() {
        try {
            return calls.listed();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The user's shutdown of the worker and a heartbeat in its hive's name, released by one barrier (S141). */
    @When("a shutdown of <worker-id> and a heartbeat {string} for it are released by one barrier")
    public void shutdownAndHeartbeat(String heartbeat) throws Exception {
        String id = world.remembered("worker-id");
        HttpRequest shutdown = HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/workers/shutdown"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"worker_id\":\"" + id + "\"}")).build();
        releasedAt = Instant.now();
        answers.addAll(ConcurrencySteps.together(List.of(shutdown,
                calls.request("/v2/workers/" + id + "/heartbeat", heartbeat))));
    }

    @Then("the shutdown got 202 and the heartbeat was accepted")
    public void bothAnswered() {
        assertEquals(202, answers.get(0).statusCode(), answers.get(0).body());
        assertEquals(200, answers.get(1).statusCode(), answers.get(1).body());
        assertTrue(answers.get(1).body().contains("\"accepted\":true"), answers.get(1).body());
    }

    /** "Never a mix": every look until the worker leaves shows draining, with the heartbeat's time. */
    @Then("until it leaves, queen lists <worker-id> as draining with a heartbeat from after the barrier")
    public void drainingUntilGone() throws InterruptedException {
        String id = world.remembered("worker-id");
        int looks = 0;
        for (long end = System.nanoTime() + 30_000_000_000L; System.nanoTime() < end; looks++) {
            JsonNode w = listedQuietly().stream().filter(x -> x.get("worker_id").asText().equals(id)).findFirst()
                    .orElse(null);
            if (w == null) {
                assertTrue(looks > 0, "gone before the first look");
                return;
            }
            assertEquals("draining", w.get("state").asText(), w::toString);
            Instant heard = Times.parse(w.get("last_heartbeat_at").asText());
            assertFalse(heard.isBefore(releasedAt.minusMillis(1)), () -> "last heartbeat " + heard + " is from "
                    + "before the barrier " + releasedAt);
            Thread.sleep(200);
        }
        throw new AssertionError(id + " still listed 30 s after its shutdown");
    }
}
