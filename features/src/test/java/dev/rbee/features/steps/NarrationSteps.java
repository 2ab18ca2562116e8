package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a task's narration and the daemons' logs tell about one job, read from outside (S158, S160). */
public class NarrationSteps {
    /** A line about a job: it mentions a job, or the spawn of a worker or the dispatch made for one (S158). */
    private static final Pattern ABOUT_A_JOB = Pattern.compile("(?i)\\bjob\\b|Spawning a worker|dispatch");
    private static final Pattern DOWNLOADED = Pattern.compile(
            "✅ Model downloaded to (.+) \\((\\d+\\.\\d) MB in (\\d+\\.\\d) s\\)");

    private final ScenarioWorld world;
    private final QueenApiSteps task;
    private final Json json = new Json();

    public NarrationSteps(ScenarioWorld world, QueenApiSteps task) {
        this.world = world;
        this.task = task;
    }

    private List<JsonNode> events() {
        List<String> data = task.taskEventData();
        return data.subList(0, data.size() - 1).stream().map(json::tree).toList();
    }

    private List<JsonNode> narration() {
        return events().stream().filter(e -> e.path("type").asText().equals("narration")).toList();
    }

    @Then("the task's narration includes, in this order")
    public void includesInOrder(List<Map<String, String>> expected) {
        List<JsonNode> said = narration();
        int from = 0;
        for (Map<String, String> line : expected) {
            int at = -1;
            for (int i = from; i < said.size() && at < 0; i++) {
                if (said.get(i).path("actor").asText().equals(line.get("actor"))
                        && said.get(i).path("human").asText().startsWith(line.get("text"))) {
                    at = i;
                }
            }
            int after = from;
            assertTrue(at >= 0, () -> "no [" + line.get("actor") + "] " + line.get("text") + " after narration "
                    + after + " in " + said);
            from = at + 1;
        }
    }

    /** api.md §4: every narration names the job it is about and says it in at most 100 characters. */
    @Then("every narration of the task carries its job id and at most 100 characters")
    public void everyNarrationIsShortAndTagged() {
        List<JsonNode> said = narration();
        assertFalse(said.isEmpty());
        for (JsonNode n : said) {
            String human = n.path("human").asText();
            assertFalse(human.isBlank(), n::toString);
            assertTrue(human.codePointCount(0, human.length()) <= 100, () -> human.length() + ": " + human);
            assertEquals(task.taskJobId(), n.path("job_id").asText(), n::toString);
            assertFalse(n.path("actor").asText().isBlank(), n::toString);
        }
    }

    @Then("every line about the job in queen-rbee.log, rbee-hive.log and its worker's log carries the job id")
    public void logLinesCarryTheJobId() throws IOException {
        String jobId = task.taskJobId();
        String workerId = events().stream().filter(e -> e.path("type").asText().equals("started")).findFirst()
                .orElseThrow(() -> new AssertionError("no started event")).path("worker_id").asText();
        for (String log : List.of("queen-rbee.log", "rbee-hive.log", workerId + ".log")) {
            List<String> about = new ArrayList<>();
            for (String line : Files.readAllLines(world.home().resolve("logs").resolve(log))) {
                if (ABOUT_A_JOB.matcher(line).find() || line.contains(jobId)) {
                    about.add(line);
                }
            }
            assertFalse(about.isEmpty(), () -> log + " says nothing about " + jobId);
            for (String line : about) {
                assertTrue(line.contains(jobId), () -> log + ": a line about the job without " + jobId + ": " + line);
            }
        }
    }

    /**
     * S160: the hive's narration of the download names the model ref first and ends, right before {@code complete},
     * with the downloaded file, its size and the time it took; a path too long for 100 characters keeps its start
     * and end around an ellipsis.
     */
    @Then("the task's download narration names {string} and ends with where the model was downloaded")
    public void downloadNarration(String modelRef) throws IOException {
        List<JsonNode> all = events();
        int complete = indexOf(all, "complete");
        int firstProgress = indexOf(all, "downloading");
        assertTrue(firstProgress >= 0 && complete > firstProgress, () -> "no download in " + all);
        List<JsonNode> hive = all.subList(0, complete).stream()
                .filter(e -> e.path("type").asText().equals("narration"))
                .filter(e -> e.path("actor").asText().equals("rbee-hive")).toList();
        assertTrue(hive.size() >= 2, () -> "download narration: " + hive);
        assertTrue(hive.getFirst().path("human").asText().contains(modelRef), () -> hive.getFirst().toString());
        JsonNode last = all.get(complete - 1);
        assertEquals("narration", last.path("type").asText(), () -> "before complete: " + last);
        Matcher m = DOWNLOADED.matcher(last.path("human").asText());
        assertTrue(m.matches(), () -> "not the download's end: " + last);
        String localPath = all.get(complete).path("local_path").asText();
        assertEquals(String.format(Locale.ROOT, "%.1f", Files.size(Path.of(localPath)) / 1e6), m.group(2));
        assertTrue(Double.parseDouble(m.group(3)) > 0, m.group(3));
        String shown = m.group(1);
        int cut = shown.indexOf('…');
        assertTrue(shown.equals(localPath) || cut > 0 && localPath.startsWith(shown.substring(0, cut))
                && localPath.endsWith(shown.substring(cut + 1)), () -> shown + " is not " + localPath);
    }

    private static int indexOf(List<JsonNode> events, String type) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).path("type").asText().equals(type)) {
                return i;
            }
        }
        return -1;
    }
}
