package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** S159: a worker that dies after taking a job but before its first token, and queen's one retry elsewhere. */
public class FailoverSteps {
    private static final String FAULT = "worker.infer.crash_before_first_token";

    private final ScenarioWorld world;

    public FailoverSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("the worker on {string} crashes before the first token")
    public void theWorkerOnDeviceCrashes(String device) {
        addFault(FAULT + "=" + device);
    }

    @Given("every worker crashes before the first token")
    public void everyWorkerCrashes() {
        addFault(FAULT);
    }

    private void addFault(String fault) {
        world.env().put("RBEE_TEST_MODE", "1");
        world.env().merge("RBEE_TEST_FAULTS", fault, (a, b) -> a + "," + b);
    }

    @Then("I remember the worker id on stdout as <{word}>")
    public void rememberTheWorkerIdAs(String name) {
        Matcher m = Pattern.compile("worker-[0-9a-f]+").matcher(world.lastRun().stdout());
        assertTrue(m.find(), () -> "no worker id on stdout:\n" + world.lastRun().stdout());
        world.remember(name, m.group());
    }

    /** Each pattern (placeholders filled in) matches a whole stderr line, and those lines come in this order. */
    @Then("stderr has lines matching, in this order:")
    public void stderrHasLinesInOrder(List<String> regexes) {
        List<String> lines = world.lastRun().stderr().lines().toList();
        int at = 0;
        for (String regex : regexes) {
            Pattern pattern = Pattern.compile(world.fill(regex));
            while (at < lines.size() && !pattern.matcher(lines.get(at)).matches()) {
                at++;
            }
            assertTrue(at < lines.size(), () -> "no line matching " + pattern + " in order in stderr:\n"
                    + world.lastRun().stderr());
            at++;
        }
    }

    @Then("the stderr line containing {string} came within {int} ms of the one containing {string}")
    public void stderrLineCameWithin(String later, int millis, String earlier) {
        long gap = (stderrLineAt(world.fill(later)) - stderrLineAt(world.fill(earlier))) / 1_000_000;
        assertTrue(gap >= 0 && gap <= millis, () -> "'" + later + "' came " + gap + " ms after '" + earlier + "'");
    }

    private long stderrLineAt(String text) {
        return world.lastRun().stderrChunks().stream().filter(c -> c.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' on stderr")).atNanos();
    }

    /** The job id comes from keeper's {@code ▶ Job <id> started} line; queen keeps a finished job 10 minutes. */
    @Then("queen's record of the job says it completed on <{word}>")
    public void theJobCompletedOn(String name) {
        Matcher m = Pattern.compile("Job (job-[0-9a-f]+) started").matcher(world.lastRun().stderr());
        assertTrue(m.find(), () -> "no job id on stderr:\n" + world.lastRun().stderr());
        Job job = queen().job(m.group(1));
        assertEquals(world.remembered(name), job.workerId(), job::toString);
        assertEquals("completed", job.state(), job::toString);
        assertTrue(job.tokensOut() > 0, job::toString);
    }

    @Then("queen lists <{word}> but no longer <{word}>")
    public void queenListsOneButNotTheOther(String kept, String gone) {
        List<String> ids = queen().workersList(null).workers().stream().map(QWorker::workerId).toList();
        assertTrue(ids.contains(world.remembered(kept)), () -> "workers: " + ids);
        assertFalse(ids.contains(world.remembered(gone)), () -> "workers: " + ids);
    }

    /** Only that worker: its process is found by the {@code --worker-id} on its command line. */
    @When("the worker <{word}> is killed with SIGKILL")
    public void theWorkerIsKilled(String name) {
        String id = world.remembered(name);
        List<RbeeProcesses.Found> found = RbeeProcesses.of(world.home(), RbeeProcesses.Program.named(
                "llm-worker-rbee")).stream().filter(f -> f.commandLine().contains(id)).toList();
        assertEquals(1, found.size(), () -> "worker processes of " + id + ": " + found);
        RbeeProcesses.signal(found.getFirst().pid(), "KILL");
    }

    private QueenClient queen() {
        return new QueenClient(new HttpJson(Endpoint.of(world.queenUrl(), null, Duration.ofSeconds(1),
                Duration.ofSeconds(5)), new Json()));
    }
}
