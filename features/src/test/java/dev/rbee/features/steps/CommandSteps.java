package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.Words;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import dev.rbee.contract.json.Json;
import java.util.List;
import java.util.regex.Pattern;

/** Running launchers and checking what they printed and returned. */
public class CommandSteps {
    private final ScenarioWorld world;

    public CommandSteps(ScenarioWorld world) {
        this.world = world;
    }

    @When("I run {string}")
    public void iRun(String commandLine) throws InterruptedException {
        world.run(Words.split(commandLine));
    }

    @When("I run {string} with stdin {string}")
    public void iRunWithStdin(String commandLine, String stdin) throws InterruptedException {
        world.start(Words.split(commandLine), stdin.replace("\\n", "\n"));
        world.awaitLastRun(120);
    }

    @When("I run {string} with {int} characters on stdin")
    public void iRunWithLongStdin(String commandLine, int characters) throws InterruptedException {
        world.start(Words.split(commandLine), "a".repeat(characters));
        world.awaitLastRun(120);
    }

    @When("I remember stdout as {string}")
    public void rememberStdout(String name) {
        world.remember(name, world.lastRun().stdout());
    }

    @Then("stdout equals the one remembered as {string}")
    public void stdoutEquals(String name) {
        assertEquals(world.remembered(name), world.lastRun().stdout());
    }

    @Then("stdout differs from the one remembered as {string}")
    public void stdoutDiffers(String name) {
        assertTrue(!world.remembered(name).equals(world.lastRun().stdout()), "same text as " + name);
    }

    @Then("stderr is empty")
    public void stderrIsEmpty() {
        assertEquals("", world.lastRun().stderr());
    }

    @Then("stdout is JSON lines whose types end with {string}")
    public void stdoutIsJsonLines(String types) {
        Json json = new Json();
        List<String> seen = world.lastRun().stdout().lines().map(l -> json.tree(l).get("type").asText()).toList();
        List<String> expected = List.of(types.split(",\\s*"));
        assertTrue(seen.size() >= expected.size() && seen.subList(seen.size() - expected.size(), seen.size())
                .equals(expected), () -> "event types: " + seen);
    }

    @Then("the end event on stdout says {word}, and tokens_out plus prompt_tokens is {int}")
    public void endEventFillsTheContext(String stopReason, int contextSize) {
        Json json = new Json();
        var end = world.lastRun().stdout().lines().map(json::tree).filter(e -> "end".equals(e.get("type").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no end event in " + world.lastRun().stdout()));
        assertEquals(stopReason, end.get("stop_reason").asText());
        assertEquals(contextSize, end.get("tokens_out").asInt() + end.get("prompt_tokens").asInt(), end::toString);
    }

    @Then("stdout is exactly one JSON line with type {string} and code {string}")
    public void oneJsonErrorLine(String type, String code) {
        List<String> lines = world.lastRun().stdout().lines().toList();
        assertEquals(1, lines.size(), () -> "stdout: " + lines);
        var event = new Json().tree(lines.getFirst());
        assertEquals(type, event.get("type").asText());
        assertEquals(code, event.get("code").asText());
    }

    /** A stream that failed: --json prints every event (cli.md §10.2), so narration may come before its one error. */
    @Then("stdout is narration lines, then exactly one JSON line with type {string} and code {string}")
    public void narrationThenOneJsonErrorLine(String type, String code) {
        List<com.fasterxml.jackson.databind.JsonNode> events = world.lastRun().stdout().lines()
                .map(l -> new Json().tree(l)).toList();
        assertFalse(events.isEmpty(), "no stdout");
        var last = events.getLast();
        assertEquals(type, last.get("type").asText(), () -> "stdout: " + events);
        assertEquals(code, last.get("code").asText());
        assertTrue(events.subList(0, events.size() - 1).stream()
                .allMatch(e -> "narration".equals(e.get("type").asText())), () -> "stdout: " + events);
    }

    @Then("the exit code is {int}")
    public void theExitCodeIs(int expected) {
        assertEquals(expected, world.lastExitCode(), () -> "stdout:\n" + world.lastRun().stdout()
                + "\nstderr:\n" + world.lastRun().stderr());
    }

    @Then("stderr contains the line {string}")
    public void stderrContainsTheLine(String expected) {
        String line = world.fill(expected);
        assertTrue(world.lastRun().stderr().lines().anyMatch(l -> l.equals(line)),
                () -> "no line '" + line + "' in stderr:\n" + world.lastRun().stderr());
    }

    @Then("stderr contains a line starting with {string}")
    public void stderrContainsALineStartingWith(String expected) {
        String prefix = world.fill(expected);
        assertTrue(world.lastRun().stderr().lines().anyMatch(l -> l.startsWith(prefix)),
                () -> "no line starting with '" + prefix + "' in stderr:\n" + world.lastRun().stderr());
    }

    @Then("stderr has a line matching {string}")
    public void stderrHasALineMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertTrue(world.lastRun().stderr().lines().anyMatch(l -> pattern.matcher(l).matches()),
                () -> "no line matching " + regex + " in stderr:\n" + world.lastRun().stderr());
    }

    @Then("stdout has a line matching {string}")
    public void stdoutHasALineMatching(String regex) {
        Pattern pattern = Pattern.compile(world.fill(regex));
        assertTrue(world.lastRun().stdout().lines().anyMatch(l -> pattern.matcher(l).matches()),
                () -> "no line matching " + pattern + " in stdout:\n" + world.lastRun().stdout());
    }

    @Then("stdout has {int} lines matching {string}")
    public void stdoutHasLinesMatching(int count, String regex) {
        Pattern pattern = Pattern.compile(world.fill(regex));
        assertEquals(count, world.lastRun().stdout().lines().filter(l -> pattern.matcher(l).matches()).count(),
                () -> "lines matching " + pattern + " in stdout:\n" + world.lastRun().stdout());
    }

    @Then("stdout ends with {string}")
    public void stdoutEndsWith(String expected) {
        String wanted = world.fill(expected).replace("\\n", "\n") + "\n";
        assertTrue(world.lastRun().stdout().endsWith(wanted), () -> "stdout does not end with " + wanted + ":\n"
                + world.lastRun().stdout());
    }

    @Then("I remember the worker id on stdout")
    public void rememberTheWorkerId() {
        java.util.regex.Matcher m = Pattern.compile("worker-[0-9a-f]+").matcher(world.lastRun().stdout());
        assertTrue(m.find(), () -> "no worker id on stdout:\n" + world.lastRun().stdout());
        world.remember("worker-id", m.group());
    }

    @Then("stdout is {string}")
    public void stdoutIs(String expected) {
        assertEquals(world.fill(expected).replace("\\n", "\n") + "\n", world.lastRun().stdout());
    }

    @Then("stdout is one line of generated text")
    public void stdoutIsOneLineOfGeneratedText() {
        String out = world.lastRun().stdout();
        assertTrue(out.endsWith("\n") && out.indexOf('\n') == out.length() - 1 && out.strip().length() > 0,
                () -> "expected one line of text on stdout, got: [" + out + "]");
    }
}
