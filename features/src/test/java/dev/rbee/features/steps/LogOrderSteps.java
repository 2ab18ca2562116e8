package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** What a daemon's log says and in which order: the trace of calls between daemons (S022, S023). */
public class LogOrderSteps {
    private final ScenarioWorld world;

    public LogOrderSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("the log {string} has {string} before {string}")
    public void before(String log, String first, String second) throws IOException {
        List<String> lines = lines(log);
        int firstAt = indexOf(lines, world.fill(first));
        int secondAt = indexOf(lines, world.fill(second));
        assertTrue(firstAt >= 0, () -> "no line with '" + first + "' in " + log);
        assertTrue(secondAt >= 0, () -> "no line with '" + second + "' in " + log);
        assertTrue(firstAt < secondAt, () -> "'" + first + "' (line " + firstAt + ") is not before '" + second
                + "' (line " + secondAt + ")");
    }

    @Then("the log {string} contains {string} {int} time(s)")
    public void times(String log, String text, int times) throws IOException {
        String wanted = world.fill(text);
        assertEquals(times, lines(log).stream().filter(l -> l.contains(wanted)).count(), () -> log + " has '"
                + wanted + "' another number of times");
    }

    @Then("within {int} s the log {string} has a line matching {string}")
    public void eventuallyMatches(int seconds, String log, String regex) throws InterruptedException {
        String filled = ".*" + world.fill(regex) + ".*";
        Eventually.within(seconds, () -> {
            try {
                return lines(log).stream().anyMatch(l -> l.matches(filled));
            } catch (IOException notYet) {
                return false;
            }
        }, () -> "no line of " + log + " matches " + filled);
    }

    private List<String> lines(String log) throws IOException {
        return Files.readAllLines(world.home().resolve("logs").resolve(log));
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
