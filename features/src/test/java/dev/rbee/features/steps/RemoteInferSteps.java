package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.CommandRun;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Inference on a registered node (S020, S021): the task's SSE stream as {@code rbee-keeper --json infer} prints it,
 * every event verbatim on one line in arrival order (cli.md §10.2), with the time each line reached stdout.
 */
public class RemoteInferSteps {
    private final ScenarioWorld world;
    private final SshSteps ssh;
    private final Json json = new Json();
    private int notedHubRequests;

    /** One event of the stream and when it reached stdout (nanoTime). */
    private record Timed(JsonNode event, long atNanos) {
        String type() {
            return event.path("type").asText();
        }
    }

    public RemoteInferSteps(ScenarioWorld world, SshSteps ssh) {
        this.world = world;
        this.ssh = ssh;
    }

    /** What sshd would set from the node user's environment: the node's devices, and the hub the node reaches. */
    @Given("the node's commands for user {string} see the hub and the simulated devices {string}")
    public void nodeEnvironment(String user, String devices) {
        ssh.sshServer().addEnvironment(user, Map.of("RBEE_HF_ENDPOINT", world.hubServer().url(),
                "RBEE_FAKE_DEVICES", devices));
    }

    @When("I note the hub's requests so far")
    public void noteHub() {
        notedHubRequests = world.hubServer().requests().size();
    }

    @Then("the hub received no request since then")
    public void noHubRequest() {
        List<?> all = world.hubServer().requests();
        assertEquals(notedHubRequests, all.size(), () -> "hub requests: " + all);
    }

    /** The stdout lines of the last keeper run, each parsed as one event, with the time its line arrived. */
    private List<Timed> events() {
        List<Timed> events = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (CommandRun.Chunk chunk : world.lastRun().stdoutChunks()) {
            pending.append(chunk.text());
            for (int nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
                String line = pending.substring(0, nl).strip();
                pending.delete(0, nl + 1);
                if (!line.isEmpty()) {
                    events.add(new Timed(json.tree(line), chunk.atNanos()));
                }
            }
        }
        assertTrue(pending.toString().isBlank(), () -> "stdout ends in a partial line: " + pending);
        return events;
    }

    private static int first(List<Timed> events, Predicate<Timed> which, String what) {
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + what + " in " + types(events));
    }

    private static int last(List<Timed> events, Predicate<Timed> which, String what) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (which.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + what + " in " + types(events));
    }

    private static List<String> types(List<Timed> events) {
        return events.stream().map(t -> t.type() + (t.type().equals("narration") ? "(" + t.event().path("human")
                .asText() + ")" : "")).toList();
    }

    private static Predicate<Timed> type(String type) {
        return t -> t.type().equals(type);
    }

    private static Predicate<Timed> narration(String action) {
        return t -> t.type().equals("narration") && t.event().path("action").asText().equals(action);
    }

    /**
     * S020's order: the hive start over SSH, the download (growing bytes), complete at {@code localPath}, the hive's
     * preflight, loading up to all layers, ready, started on the node, the tokens in order, metrics, end.
     */
    @Then("stdout's events show in order the hive start over SSH as {string}, downloads, complete at {string}, "
            + "preflight, loading to {int}\\/{int}, ready, started on {string}, tokens 0 to {int}, metrics and end "
            + "{string}")
    public void coldChain(String sshUser, String localPath, int loaded, int total, String node, int lastToken,
                          String reason) {
        List<Timed> events = events();
        List<String> seen = types(events);
        System.out.println("[events] " + seen);
        int connect = first(events, narration("hive_start").and(t -> t.event().path("human").asText()
                .startsWith("Connecting to " + sshUser + "@")), "narration of the SSH connection");
        int hiveStart = first(events, narration("hive_start").and(t -> t.event().path("human").asText()
                .equals("Starting rbee-hive on " + node)), "narration 'Starting rbee-hive on " + node + "'");
        int firstDownload = first(events, type("downloading"), "downloading");
        int lastDownload = last(events, type("downloading"), "downloading");
        int complete = first(events, type("complete"), "complete");
        int preflight = first(events, narration("preflight"), "preflight narration");
        int firstLoading = first(events, type("loading"), "loading");
        int lastLoading = last(events, type("loading"), "loading");
        int ready = first(events, type("ready"), "ready");
        int started = first(events, type("started"), "started");
        int firstToken = first(events, type("token"), "token");
        int metrics = first(events, type("metrics"), "metrics");
        int end = first(events, type("end"), "end");
        List<Integer> order = List.of(connect, hiveStart, firstDownload, lastDownload, complete, preflight,
                firstLoading, lastLoading, ready, started, firstToken, metrics, end);
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1) <= order.get(i), () -> "out of order: " + seen);
        }
        assertEquals(events.size() - 1, end, () -> "end is not the last event: " + seen);
        downloadsGrow(events);
        assertEquals(world.fill(localPath), events.get(complete).event().path("local_path").asText());
        JsonNode lastLoad = events.get(lastLoading).event();
        assertEquals(loaded, lastLoad.path("layers_loaded").asInt(), lastLoad::toString);
        assertEquals(total, lastLoad.path("layers_total").asInt(), lastLoad::toString);
        JsonNode start = events.get(started).event();
        for (String field : List.of("job_id", "model", "worker_id", "started_at")) {
            assertFalse(start.path(field).asText().isBlank(), () -> field + " missing in " + start);
        }
        assertEquals(node, start.path("node").asText());
        world.remember("started-worker-id", start.path("worker_id").asText());
        tokensThenEnd(events, started, lastToken, reason);
    }

    private static void downloadsGrow(List<Timed> events) {
        List<Long> bytes = events.stream().filter(type("downloading"))
                .map(t -> t.event().path("bytes_downloaded").asLong()).toList();
        assertTrue(bytes.size() >= 2, () -> "downloading events: " + bytes);
        for (int i = 1; i < bytes.size(); i++) {
            assertTrue(bytes.get(i) >= bytes.get(i - 1), () -> "bytes shrink: " + bytes);
        }
        assertTrue(bytes.getLast() > bytes.getFirst(), () -> "bytes do not grow: " + bytes);
    }

    /** After {@code started}: exactly tokens i=0..last in order, the worker's narration, metrics, end with the counts. */
    private static void tokensThenEnd(List<Timed> events, int started, int lastToken, String reason) {
        List<Timed> after = events.subList(started + 1, events.size());
        List<String> kinds = after.stream().map(Timed::type).toList();
        for (int i = 0; i <= lastToken; i++) {
            assertEquals("token", kinds.get(i), () -> "after started: " + kinds);
            assertEquals(i, after.get(i).event().path("i").asInt());
        }
        assertEquals(List.of("narration", "metrics", "end"), kinds.subList(lastToken + 1, kinds.size()));
        JsonNode done = after.get(lastToken + 1).event(); // S158: the worker's own word that it finished
        assertEquals("llm-worker-rbee", done.path("actor").asText(), done::toString);
        assertTrue(done.path("human").asText().startsWith("Inference complete"), done::toString);
        JsonNode end = after.getLast().event();
        assertEquals(lastToken + 1, end.path("tokens_out").asInt(), end::toString);
        assertEquals(reason, end.path("stop_reason").asText(), end::toString);
    }

    /** S021: the warm path: no preflight, no loading, no download; the same worker; tokens 0..last, metrics, end. */
    @Then("stdout's events show no download, preflight or loading, started on the same worker, tokens 0 to {int}, "
            + "metrics and end {string}")
    public void warmChain(int lastToken, String reason) {
        List<Timed> events = events();
        List<String> seen = types(events);
        for (String absent : List.of("downloading", "complete", "loading", "ready")) {
            assertFalse(events.stream().anyMatch(type(absent)), () -> absent + " in a warm start: " + seen);
        }
        assertFalse(events.stream().anyMatch(narration("preflight")), () -> "preflight in a warm start: " + seen);
        int started = first(events, type("started"), "started");
        assertEquals(world.remembered("started-worker-id"), events.get(started).event().path("worker_id").asText());
        tokensThenEnd(events, started, lastToken, reason);
    }

    /**
     * "The first token arrives within 1 s": measured from the stream's first event, i.e. once queen has taken the
     * task, so that the keeper JVM's own start (seconds on a loaded machine) is not counted.
     */
    @Then("the first token came within {int} ms of the stream's first event")
    public void firstTokenWithin(int millis) {
        List<Timed> events = events();
        long first = events.getFirst().atNanos();
        long token = events.get(first(events, type("token"), "token")).atNanos();
        long took = (token - first) / 1_000_000;
        System.out.printf("[timing] first token %d ms after the stream's first event%n", took);
        assertTrue(took <= millis, "the first token came " + took + " ms after the first event");
    }

    /** The port is really the worker's: it answers its health route there. */
    @Then("a worker answers GET \\/health at {string}")
    public void workerAnswers(String url) throws java.io.IOException, InterruptedException {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(world.fill(url)
                    + "/health")).timeout(java.time.Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
        }
    }

    @Then("the catalog of the node user {string} has {int} row(s)")
    public void nodeCatalogRows(String user, int rows) throws SQLException {
        Path db = Path.of(world.remembered("node-rbee-home-" + user)).resolve("models.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM models")) {
            rs.next();
            assertEquals(rows, rs.getInt(1));
        }
    }
}
