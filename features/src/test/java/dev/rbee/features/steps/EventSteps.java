package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.EventWatcher;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Watchers of queen's {@code GET /v2/events} (api.md §5.7, scenarios S169–S171). */
public class EventSteps {
    private final ScenarioWorld world;
    private final Json json = new Json();
    private final Map<String, EventWatcher> watchers = new HashMap<>();
    private Socket nonReader;

    public EventSteps(ScenarioWorld world) {
        this.world = world;
    }

    @After
    public void closeWatchers() throws IOException {
        watchers.values().forEach(EventWatcher::close);
        if (nonReader != null) {
            nonReader.close();
        }
    }

    @Given("DISPLAY and WAYLAND_DISPLAY are unset for the scenario's processes")
    public void noDisplay() {
        for (String name : List.of("DISPLAY", "WAYLAND_DISPLAY")) {
            world.env().remove(name);
            assertNull(System.getenv(name), name + " is set in the test's environment, which the processes inherit");
        }
    }

    @When("watcher {word} opens queen's event stream")
    public void opens(String name) throws IOException, InterruptedException {
        EventWatcher previous = watchers.put(name, EventWatcher.open(world.queenUrl() + "/v2/events"));
        if (previous != null) {
            previous.close();
        }
        EventWatcher watcher = watchers.get(name);
        assertEquals(200, watcher.status());
        assertEquals("text/event-stream", watcher.contentType().split(";")[0].trim());
        Eventually.within(5, () -> !watcher.events().isEmpty(), () -> "no snapshot for watcher " + name);
    }

    @When("watcher {word} reconnects")
    public void reconnects(String name) throws IOException, InterruptedException {
        opens(name);
    }

    /** Its socket's receive buffer is tiny and nothing is ever read from it. */
    @When("a client opens queen's event stream and never reads it")
    public void aNonReader() throws IOException {
        nonReader = new Socket();
        nonReader.setReceiveBufferSize(1024);
        nonReader.connect(new InetSocketAddress("127.0.0.1", world.queenPort()), 2000);
        OutputStream out = nonReader.getOutputStream();
        out.write(("GET /v2/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Then("watcher {word}'s first event is a snapshot of node {string} with its hive {string}, {int} worker(s) and {int} job(s)")
    public void firstIsSnapshot(String name, String node, String hiveState, int workers, int jobs) {
        JsonNode first = watcher(name).events().getFirst();
        assertEquals("snapshot", first.get("type").asText(), first.toString());
        assertEquals(node, first.get("nodes").get(0).get("node_name").asText(), first.toString());
        assertEquals(hiveState, first.get("hives").get(0).get("state").asText(), first.toString());
        assertEquals(workers, first.get("workers").size(), first.toString());
        assertEquals(jobs, first.get("jobs").size(), first.toString());
    }

    @Then("watcher {word}'s snapshot lists the nodes {string}")
    public void snapshotListsNodes(String name, String nodes) {
        JsonNode snapshot = watcher(name).events().getFirst();
        List<String> names = new java.util.ArrayList<>();
        snapshot.get("nodes").forEach(n -> names.add(n.get("node_name").asText()));
        assertEquals(nodes, String.join(", ", names), snapshot.toString());
    }

    @Then("watcher {word}'s snapshot counts {int} worker(s) on the hive of {string}")
    public void snapshotCountsWorkers(String name, int count, String node) {
        JsonNode snapshot = watcher(name).events().getFirst();
        for (JsonNode hive : snapshot.get("hives")) {
            if (hive.get("node").asText().equals(node)) {
                assertEquals(count, hive.get("workers").asInt(), snapshot.toString());
                return;
            }
        }
        throw new AssertionError("no hive of " + node + " in " + snapshot);
    }

    /**
     * {@code expected}: items separated by {@code ;}, each {@code <type> <state> [<stop_reason>]}; they must appear
     * in this order among the changes (other changes may come between them).
     */
    @Then("within {int} s watcher {word} has seen, in this order, {string}")
    public void seenInOrder(int seconds, String name, String expected) throws InterruptedException {
        List<String> wanted = List.of(expected.split(";\\s*"));
        Eventually.within(seconds, () -> matched(changes(name), wanted) == wanted.size(),
                () -> "matched " + matched(changes(name), wanted) + " of " + wanted + " in " + describe(name));
    }

    private static int matched(List<String> seen, List<String> wanted) {
        int next = 0;
        for (String event : seen) {
            if (next < wanted.size() && (event + " ").startsWith(wanted.get(next) + " ")) {
                next++;
            }
        }
        return next;
    }

    /**
     * Each change as {@code <type> <state or action> <stop_reason>}, e.g. {@code job completed MAX_TOKENS} or
     * {@code node added}.
     */
    private List<String> changes(String name) {
        List<JsonNode> events = watcher(name).events();
        return events.subList(Math.min(1, events.size()), events.size()).stream().map(e -> (e.path("type").asText()
                + " " + e.path("state").asText(e.path("action").asText()) + " " + e.path("stop_reason").asText())
                .trim()).toList();
    }

    private String describe(String name) {
        return watcher(name).events().stream().skip(1).map(JsonNode::toString).toList().toString();
    }

    @Then("watcher {word} saw one snapshot and then only changes, none of them repeated at once")
    public void onlyChanges(String name) {
        List<JsonNode> events = watcher(name).events();
        assertEquals(1, events.stream().filter(e -> e.get("type").asText().equals("snapshot")).count());
        for (int i = 2; i < events.size(); i++) {
            assertFalse(events.get(i).equals(events.get(i - 1)), "repeated: " + events.get(i));
        }
    }

    @Then("watcher {word} received a keep-alive between {int} and {int} s after its last event")
    public void keepAlive(String name, int from, int to) throws InterruptedException {
        EventWatcher watcher = watcher(name);
        Eventually.within(to + 5, () -> keepAliveAfterLastEvent(watcher) != null,
                () -> "no keep-alive after the last event: " + watcher.lines());
        List<EventWatcher.Line> lines = watcher.lines();
        long lastEvent = lines.stream().filter(EventWatcher.Line::isData).reduce((a, b) -> b).orElseThrow().atNanos();
        long gapMs = (keepAliveAfterLastEvent(watcher).atNanos() - lastEvent) / 1_000_000;
        assertTrue(gapMs >= from * 1000L && gapMs <= to * 1000L, "keep-alive came " + gapMs + " ms after the event");
    }

    private static EventWatcher.Line keepAliveAfterLastEvent(EventWatcher watcher) {
        List<EventWatcher.Line> lines = watcher.lines();
        int lastData = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isData()) {
                lastData = i;
            }
        }
        for (int i = lastData + 1; i < lines.size(); i++) {
            if (lines.get(i).text().startsWith(": keep-alive")) {
                return lines.get(i);
            }
        }
        return null;
    }

    @Then("within {int} s watchers {word} and {word} have seen the same changes in the same order")
    public void sameChanges(int seconds, String a, String b) throws InterruptedException {
        Eventually.within(seconds, () -> rawChanges(a).equals(rawChanges(b)),
                () -> a + ": " + rawChanges(a) + "\n" + b + ": " + rawChanges(b));
        assertTrue(rawChanges(a).size() >= 5, "too few changes to compare: " + rawChanges(a));
    }

    private List<String> rawChanges(String name) {
        return watcher(name).events().stream().skip(1).map(JsonNode::toString).toList();
    }

    @Then("watcher {word}'s snapshot matches GET \\/v2\\/workers\\/list and GET \\/v2\\/tasks")
    public void snapshotMatches(String name) throws IOException, InterruptedException {
        JsonNode snapshot = watcher(name).events().getFirst();
        JsonNode workers = get("/v2/workers/list").get("workers");
        JsonNode jobs = get("/v2/tasks").get("jobs");
        assertEquals(ids(workers, "worker_id", "state"), ids(snapshot.get("workers"), "worker_id", "state"));
        assertEquals(ids(jobs, "job_id", "state"), ids(snapshot.get("jobs"), "job_id", "state"));
        assertTrue(workers.size() > 0, "nothing to compare: no worker");
    }

    private static TreeSet<String> ids(JsonNode list, String id, String state) {
        TreeSet<String> out = new TreeSet<>();
        list.forEach(n -> out.add(n.get(id).asText() + "/" + n.get(state).asText()));
        return out;
    }

    @Then("within {int} s watcher {word} receives shutdown and [DONE], and its stream ends")
    public void shutdown(int seconds, String name) throws InterruptedException {
        EventWatcher watcher = watcher(name);
        Eventually.within(seconds, watcher::ended, () -> "stream still open: " + watcher.lines());
        List<JsonNode> events = watcher.events();
        assertEquals("shutdown", events.getLast().get("type").asText());
        assertTrue(watcher.sawDone());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return json.tree(http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    EventWatcher watcher(String name) {
        EventWatcher watcher = watchers.get(name);
        assertTrue(watcher != null, "no watcher " + name);
        return watcher;
    }
}
