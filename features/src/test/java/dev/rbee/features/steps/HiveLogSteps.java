package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code GET /v1/logs} of a hive: the tail, and a followed worker log (api.md §4 log/eof events). */
public class HiveLogSteps {
    private final ScenarioWorld world;
    private final HiveSteps hive;
    private final Json json = new Json();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private CompletableFuture<Void> reading;
    private long startedAt;

    public HiveLogSteps(ScenarioWorld world, HiveSteps hive) {
        this.world = world;
        this.hive = hive;
    }

    @When("I read the hive's log stream {string}")
    public void iReadTheLogStream(String path) throws Exception {
        start(world.fill(path));
        reading.get(30, TimeUnit.SECONDS);
    }

    @When("I follow the log of worker {int} from the hive")
    public void iFollowTheWorkerLog(int number) {
        start("/v1/logs?worker=" + hive.workerId(number) + "&follow=true&lines=5");
    }

    @When("I follow the hive's own log")
    public void iFollowTheHiveLog() throws InterruptedException {
        start("/v1/logs?follow=true&lines=1");
        Thread.sleep(500); // the tail is out before whatever the scenario does next
    }

    private void start(String path) {
        events.clear();
        startedAt = System.nanoTime();
        reading = CompletableFuture.runAsync(() -> {
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(hive.hiveUrl() + path))
                        .header("Authorization", "Bearer " + HiveSteps.SECRET).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                        StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (line.startsWith("data: ")) {
                            events.add(line.substring(6));
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @When("worker {int} is asked to shut down through the hive")
    public void askedToShutDown(int number) throws IOException, InterruptedException {
        Thread.sleep(500); // the follower has sent the tail and is waiting for new lines
        var answer = hive.post("/v1/workers/" + hive.workerId(number) + "/shutdown", "");
        assertEquals(202, answer.statusCode(), answer.body());
    }

    /** Without {@code lines} the hive sends up to 100: here the whole of its short log, as it was when read. */
    @Then("the log stream has every line of {string} as a log event from {string}, then eof {string} and [DONE]")
    public void theStreamHasTheWholeLog(String log, String source, String reason) throws IOException {
        long logEvents = events.stream().filter(e -> e.contains("\"type\":\"log\"")).count();
        assertTrue(logEvents >= 2, () -> "events: " + events);
        theStreamHas((int) logEvents, source, reason);
        assertEquals(Files.readAllLines(world.home().resolve("logs").resolve(log)).subList(0, (int) logEvents),
                events.subList(0, (int) logEvents).stream().map(e -> json.tree(e).get("line").asText()).toList());
    }

    @Then("the log stream has {int} log events from {string}, then eof {string} and [DONE]")
    public void theStreamHas(int count, String source, String reason) {
        List<String> data = List.copyOf(events);
        assertEquals(count + 2, data.size(), () -> "events: " + data);
        for (String event : data.subList(0, count)) {
            JsonNode log = json.tree(event);
            assertEquals("log", log.get("type").asText());
            assertEquals(source, log.get("source").asText());
            assertEquals("localhost", log.get("node").asText());
        }
        assertEquals(reason, json.tree(data.get(count)).get("reason").asText());
        assertEquals("[DONE]", data.getLast());
    }

    @Then("the log events are the last lines of {string}")
    public void theEventsAreTheLastLines(String log) throws IOException {
        List<String> lines = events.stream().filter(e -> e.contains("\"type\":\"log\""))
                .map(e -> json.tree(e).get("line").asText()).toList();
        List<String> file = Files.readAllLines(world.home().resolve("logs").resolve(log));
        // the hive may log after the stream was read; the events must be a run of consecutive lines of the file
        int at = java.util.Collections.indexOfSubList(file, lines);
        assertTrue(at >= 0 && !lines.isEmpty(), () -> "not lines of " + log + ": " + lines);
    }

    @Then("within {int} s the followed log ends with eof {string} and [DONE]")
    public void theFollowedLogEnds(int seconds, String reason) throws Exception {
        reading.get(seconds, TimeUnit.SECONDS);
        List<String> data = List.copyOf(events);
        assertEquals("[DONE]", data.getLast());
        assertEquals(reason, json.tree(data.get(data.size() - 2)).get("reason").asText(), () -> "events: " + data);
    }

    @Then("the followed log has more than {int} log events, among them one containing {string}")
    public void theFollowedLogHas(int count, String text) {
        List<String> lines = events.stream().filter(e -> e.contains("\"type\":\"log\""))
                .map(e -> json.tree(e).get("line").asText()).toList();
        assertTrue(lines.size() > count, () -> "only " + lines.size() + " lines: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains(text)), () -> "no line with '" + text + "': " + lines);
    }

    @Then("the log stream took less than {int} s")
    public void tookLessThan(int seconds) {
        assertTrue(System.nanoTime() - startedAt < seconds * 1_000_000_000L);
    }
}
