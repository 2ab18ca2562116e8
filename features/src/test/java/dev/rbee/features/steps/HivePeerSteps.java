package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.FreePorts;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.RbeeProcesses.Program;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.ScriptedPeer;
import dev.rbee.features.kit.StandaloneHive;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The hive at a registered node's address (scenarios.md §5): a real rbee-hive the scenario starts on a free port
 * with queen's cluster secret, or a scripted peer; and a scripted peer in place of queen (S036). Placeholders:
 * {@code <node-hive-port>}, {@code <node-hive-url>}.
 */
public class HivePeerSteps {
    /** scenarios.md "Example values": the node's devices. */
    private static final String NODE_DEVICES = "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB";

    private final ScenarioWorld world;
    private StandaloneHive hive;
    private ScriptedPeer peer;
    private boolean stopped;
    private long stoppedAtNanos;

    public HivePeerSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** The node's hive shares the scenario's RBEE_HOME, so the leak check of teardown sees it and its workers. */
    @Given("rbee-hive runs as the node's hive, with queen's cluster secret")
    public void aNodeHive() throws IOException, InterruptedException {
        String secret = Files.readString(world.home().resolve("cluster-secret")).trim();
        int port = FreePorts.next();
        hive = new StandaloneHive(world.root(), world, port, secret, "workstation");
        hive.start(Map.of("RBEE_FAKE_DEVICES", NODE_DEVICES));
        rememberHiveAt(port);
    }

    @Given("a scripted peer stands in for the node's hive, answering:")
    public void aScriptedHive(List<List<String>> routes) {
        peer = scripted(routes);
        rememberHiveAt(peer.port());
    }

    @Given("a scripted peer stands in for queen, answering:")
    public void aScriptedQueen(List<List<String>> routes) {
        peer = scripted(routes);
        world.env().put("RBEE_QUEEN_URL", peer.url());
    }

    @When("the scripted peer now answers {string} with {int} {string}")
    public void rescript(String route, int status, String body) {
        peer.script(route, status, body);
    }

    @When("the node's hive receives SIGSTOP")
    public void stop() {
        signalHive("STOP");
        stopped = true;
        stoppedAtNanos = System.nanoTime();
    }

    @When("the node's hive receives SIGCONT")
    public void resume() {
        signalHive("CONT");
        stopped = false;
    }

    @When("{int} s after the stop, the node's hive receives SIGCONT")
    public void resumeAfter(int seconds) throws InterruptedException {
        long wait = stoppedAtNanos + seconds * 1_000_000_000L - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        resume();
    }

    @When("the node's hive is stopped")
    public void stopTheHive() throws IOException, InterruptedException {
        hive.stop();
        assertFalse(hive.process().isAlive(), "the node's rbee-hive did not exit");
    }

    @Then("the scripted peer received {string}")
    public void peerReceived(String route) {
        assertTrue(peer.requests().contains(route), () -> "requests: " + peer.requests());
    }

    /** {@code routes}: comma-separated, in order. */
    @Then("the scripted peer received exactly {string}")
    public void peerReceivedExactly(String routes) {
        assertEquals(Arrays.stream(routes.split(",\\s*")).toList(), peer.requests());
    }

    @Then("stderr has {int} line(s) containing {string}")
    public void stderrLinesContaining(int count, String text) {
        String expected = world.fill(text);
        String stderr = world.lastRun().stderr();
        assertEquals(count, stderr.lines().filter(l -> l.contains(expected)).count(), () -> "stderr:\n" + stderr);
    }

    private ScriptedPeer scripted(List<List<String>> routes) {
        ScriptedPeer scripted = new ScriptedPeer();
        for (List<String> row : routes) {
            scripted.script(row.get(0), Integer.parseInt(row.get(1)), row.get(2));
        }
        return scripted;
    }

    private void rememberHiveAt(int port) {
        world.remember("node-hive-port", String.valueOf(port));
        world.remember("node-hive-url", "http://127.0.0.1:" + port);
    }

    /** The java process of the hive (the launcher script is not the daemon). */
    private void signalHive(String signal) {
        List<RbeeProcesses.Found> found = RbeeProcesses.of(world.home(), Program.HIVE);
        assertEquals(1, found.size(), () -> "rbee-hive processes: " + found);
        RbeeProcesses.signal(found.getFirst().pid(), signal);
    }

    /** scenarios.md S033: the harness sends SIGCONT before teardown, so a stopped hive can still be cleaned up. */
    @After(order = 20000)
    public void resumeAndClose() {
        if (stopped) {
            RbeeProcesses.of(world.home(), Program.HIVE).forEach(f -> RbeeProcesses.signal(f.pid(), "CONT"));
        }
        if (peer != null) {
            peer.close();
        }
    }
}
