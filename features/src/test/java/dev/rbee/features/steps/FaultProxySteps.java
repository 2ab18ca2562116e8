package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.FaultProxy;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.WorkerLogs;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A connection that breaks between two components (scenarios.md test kit, "Fault proxy"). */
public class FaultProxySteps {
    private static final Pattern PARTIAL_FILE = Pattern.compile("partial/(job-[0-9a-f]+)\\.txt");

    private final ScenarioWorld world;
    private FaultProxy proxy;

    public FaultProxySteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("keeper reaches queen through a fault proxy that cuts the connection after {int} tokens")
    public void keeperThroughAProxy(int tokens) {
        proxy = world.proxyQueen();
        proxy.cutAfterTokens(tokens);
    }

    @Then("the command ended within {int} s of the cut")
    public void endedSoonAfterTheCut(int seconds) {
        assertTrue(proxy.cutAtNanos() > 0, "the proxy never cut");
        long after = (world.lastRun().endedNanos() - proxy.cutAtNanos()) / 1_000_000;
        assertTrue(after <= seconds * 1000L, "keeper ended " + after + " ms after the cut");
    }

    /**
     * The job id comes from keeper's partial-result line. Queen notices its caller gone, and keeper, losing the
     * stream, asks for a cancel too: whichever comes first is the reason logged.
     */
    @Then("within {int} s of the cut, a worker log says the job was cancelled")
    public void cancelledSoonAfterTheCut(int seconds) throws InterruptedException {
        Matcher partial = PARTIAL_FILE.matcher(world.lastRun().stderr());
        assertTrue(partial.find(), "no partial result line on stderr");
        WorkerLogs.awaitLine(world.home(), "job " + partial.group(1) + " cancelled",
                proxy.cutAtNanos() + seconds * 1_000_000_000L);
    }
}
