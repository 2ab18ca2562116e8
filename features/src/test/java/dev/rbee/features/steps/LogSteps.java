package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.CommandRun;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Queen's {@code GET /v2/logs} and {@code rbee-keeper logs} (api.md §5.7, cli.md §12, S172, S173). */
public class LogSteps {
    private final ScenarioWorld world;
    private final Json json = new Json();
    private HttpResponse<String> answer;
    /** Wall clock minus monotonic clock, to place stdout chunks (nanoTime) next to log timestamps (wall clock). */
    private final long wallMinusNanoMs = System.currentTimeMillis() - System.nanoTime() / 1_000_000;

    public LogSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I remember the id of queen's only worker as <worker-id>")
    public void rememberWorker() throws IOException, InterruptedException {
        get("/v2/workers/list");
        JsonNode workers = json.tree(answer.body()).get("workers");
        assertEquals(1, workers.size(), answer.body());
        world.remember("worker-id", workers.get(0).get("worker_id").asText());
        world.remember("worker-url", workers.get(0).get("url").asText());
    }

    @When("I GET {string} from queen")
    public void get(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + world.fill(path)))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Then("queen answers {int} {word}")
    public void queenAnswers(int status, String code) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals(code, json.tree(answer.body()).get("error").get("code").asText(), answer.body());
    }

    @Then("the answer is {int} log events from {string}, then eof {string} and [DONE]")
    public void logEvents(int count, String source, String reason) {
        assertEquals(200, answer.statusCode(), answer.body());
        List<String> data = answer.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6))
                .toList();
        assertEquals(count + 2, data.size(), answer.body());
        for (String event : data.subList(0, count)) {
            JsonNode log = json.tree(event);
            assertEquals("log", log.get("type").asText());
            assertEquals(source, log.get("source").asText());
        }
        assertEquals(reason, json.tree(data.get(count)).get("reason").asText());
        assertEquals("[DONE]", data.getLast());
    }

    @Then("stdout is the last {int} lines of {string}")
    public void stdoutIsTheLastLines(int count, String log) throws IOException {
        List<String> lines = Files.readAllLines(world.home().resolve("logs").resolve(world.fill(log)));
        assertFalse(lines.isEmpty(), log + " is empty");
        assertEquals(lines.subList(Math.max(0, lines.size() - count), lines.size()),
                world.lastRun().stdout().lines().toList());
    }

    @When("within {int} s the command's stdout shows a line containing {string}")
    public void stdoutShows(int seconds, String text) throws InterruptedException {
        dev.rbee.features.kit.Eventually.within(seconds, () -> world.lastRun().stdout().contains(text),
                () -> "no '" + text + "' on stdout:\n" + world.lastRun().stdout());
    }

    @Then("stdout has JSON log lines from {string} on {string}, each a line of {string}")
    public void jsonLogLines(String source, String node, String log) throws IOException {
        Set<String> fileLines = Set.copyOf(Files.readAllLines(world.home().resolve("logs").resolve(world.fill(log))));
        List<String> out = world.lastRun().stdout().lines().toList();
        assertFalse(out.isEmpty());
        for (String line : out) {
            JsonNode event = json.tree(line);
            if (event.get("type").asText().equals("eof")) {
                continue;
            }
            assertEquals("log", event.get("type").asText(), line);
            assertEquals(node, event.get("node").asText(), line);
            assertEquals(world.fill(source), event.get("source").asText(), line);
            assertTrue(fileLines.contains(event.get("line").asText()), "not in " + log + ": " + line);
        }
    }

    @Then("stdout has {int} JSON log lines from {string} on {string}, the last {int} lines of {string}")
    public void lastJsonLogLines(int count, String source, String node, int last, String log) throws IOException {
        List<String> file = Files.readAllLines(world.home().resolve("logs").resolve(world.fill(log)));
        List<String> out = world.lastRun().stdout().lines().toList();
        List<String> shown = new java.util.ArrayList<>();
        for (String line : out) {
            JsonNode event = json.tree(line);
            if ("log".equals(event.get("type").asText())) {
                assertEquals(node, event.get("node").asText(), line);
                assertEquals(world.fill(source), event.get("source").asText(), line);
                shown.add(event.get("line").asText());
            }
        }
        assertEquals(count, shown.size(), () -> "stdout:\n" + out);
        assertEquals(file.subList(file.size() - last, file.size()), shown);
    }

    /**
     * Every line written to {@code log} after {@code started} reached stdout, each within {@code millis} of the time
     * stamped on it (lines without a time stamp, e.g. from native code, are checked for presence only).
     */
    @Then("every line written to {string} while the command ran reached its stdout within {int} ms")
    public void linesArrivedInTime(String log, int millis) throws IOException {
        CommandRun run = world.lastRun();
        long startedWallMs = wallMinusNanoMs + run.stdoutChunks().getFirst().atNanos() / 1_000_000;
        List<String> file = Files.readAllLines(world.home().resolve("logs").resolve(world.fill(log)));
        List<Arrival> arrivals = arrivals(run);
        int checked = 0;
        for (String line : file) {
            Instant stamped = stamp(line);
            if (stamped == null || stamped.toEpochMilli() < startedWallMs) {
                continue;
            }
            Arrival arrival = arrivals.stream().filter(a -> a.line().equals(line)).findFirst()
                    .orElseThrow(() -> new AssertionError("never reached stdout: " + line));
            long delay = arrival.wallMs() - stamped.toEpochMilli();
            assertTrue(delay <= millis, "reached stdout " + delay + " ms after it was written: " + line);
            checked++;
        }
        assertTrue(checked >= 1, "no line was written while the command ran");
    }

    private record Arrival(String line, long wallMs) {
    }

    private List<Arrival> arrivals(CommandRun run) {
        List<Arrival> out = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (CommandRun.Chunk chunk : run.stdoutChunks()) {
            pending.append(chunk.text());
            int newline;
            while ((newline = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, newline);
                pending.delete(0, newline + 1);
                String text = line.startsWith("{") ? json.tree(line).path("line").asText() : line;
                out.add(new Arrival(text, wallMinusNanoMs + chunk.atNanos() / 1_000_000));
            }
        }
        return out;
    }

    private static Instant stamp(String line) {
        int space = line.indexOf(' ');
        try {
            return space > 0 ? Instant.parse(line.substring(0, space)) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
