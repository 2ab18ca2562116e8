package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Job;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.cluster.ClusterUpdate;
import dev.rbee.keeper.cluster.ClusterWatcher;
import dev.rbee.keeper.cluster.ConnectionState;
import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The keeper core's {@link ClusterWatcher} (issue 7's live state) against a real queen: every update it hands its
 * listener is recorded; a direct executor stands in for the desktop's UI thread.
 */
public class ClusterWatcherSteps {
    private final ScenarioWorld world;
    private final List<ClusterUpdate> updates = new CopyOnWriteArrayList<>();
    private ClusterWatcher watcher;
    private Instant disconnectedAt;

    public ClusterWatcherSteps(ScenarioWorld world) {
        this.world = world;
    }

    @After
    public void closeWatcher() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @When("a keeper cluster watcher follows queen")
    public void follows() {
        QueenClient client = new QueenClient(new HttpJson(Endpoint.of(world.queenUrl(), null, Duration.ofSeconds(1),
                Duration.ofSeconds(5)), new Json()));
        watcher = ClusterWatcher.start(client, Runnable::run, updates::add);
    }

    @Then("within {int} s the cluster watcher is connected and shows node {string} with its hive {string}, {int} worker(s) and {int} job(s)")
    public void connectedShowing(int seconds, String node, String hive, int workers, int jobs)
            throws InterruptedException {
        Eventually.within(seconds, () -> shows(latest(), node, hive, workers, jobs), () -> "latest: " + latest());
    }

    private static boolean shows(ClusterUpdate u, String node, String hive, int workers, int jobs) {
        ClusterState s = u.state();
        return u.connection().connected() && s.nodes().containsKey(node)
                && s.hive(node).map(h -> h.state().equals(hive)).orElse(false)
                && s.workers().size() == workers && s.activeJobs().size() + s.recentJobs().size() == jobs;
    }

    @Then("within {int} s the cluster watcher shows {int} {string} worker(s) on {string} and the last job {string} with {int} tokens")
    public void showsWorkerAndJob(int seconds, int count, String state, String node, String jobState, int tokens)
            throws InterruptedException {
        Eventually.within(seconds, () -> {
            ClusterState s = latest().state();
            long matching = s.workersOn(node).stream().filter(w -> w.state().equals(state)).count();
            return matching == count && s.workers().size() == count && !s.recentJobs().isEmpty()
                    && s.recentJobs().getFirst().job().state().equals(jobState)
                    && s.recentJobs().getFirst().job().tokensOut() == tokens;
        }, () -> "latest: " + latest());
        Job job = latest().state().recentJobs().getFirst().job();
        assertEquals(node, job.node());
        assertTrue(latest().state().activeJobs().isEmpty(), () -> "still active: " + latest().state().activeJobs());
    }

    @Then("the cluster watcher's hive of {string} is {string}")
    public void hiveIs(String node, String state) {
        assertEquals(state, latest().state().hive(node).orElseThrow().state());
    }

    @Then("the cluster watcher saw the job running with its tokens counted before it completed")
    public void sawRunning() {
        assertTrue(updates.stream().anyMatch(u -> u.state().activeJobs().stream()
                        .anyMatch(j -> j.job().state().equals("running"))),
                "no update showed the job running");
    }

    @Then("within {int} s the cluster watcher is disconnected because {string}")
    public void disconnectedBecause(int seconds, String reason) throws InterruptedException {
        Eventually.within(seconds, () -> updates.stream().anyMatch(u -> isDisconnected(u, reason)),
                () -> "connection states: " + updates.stream().map(ClusterUpdate::connection).distinct().toList());
    }

    private static boolean isDisconnected(ClusterUpdate u, String reason) {
        return u.connection().phase() == ConnectionState.Phase.DISCONNECTED && u.connection().reason().equals(reason);
    }

    /**
     * Queen's process has ended, so no stream can be open: the newest update must say so, and still carry the last
     * state for display (queen's cascade removed the worker before its {@code shutdown}, the node stays).
     */
    @Then("within {int} s the cluster watcher is disconnected and still shows node {string}")
    public void disconnectedNow(int seconds, String node) throws InterruptedException {
        Eventually.within(seconds, () -> latest().connection().phase() == ConnectionState.Phase.DISCONNECTED,
                () -> "latest: " + latest().connection());
        disconnectedAt = Instant.now();
        assertTrue(latest().state().nodes().containsKey(node), () -> "latest: " + latest());
    }

    @Then("the cluster watcher's state comes from a snapshot taken after it was disconnected")
    public void freshSnapshot() {
        assertNotNull(disconnectedAt, "the watcher was never seen disconnected");
        assertTrue(latest().state().snapshotAt().isAfter(disconnectedAt),
                () -> "snapshot of " + latest().state().snapshotAt() + ", disconnected at " + disconnectedAt);
    }

    @When("the cluster watcher is closed")
    public void close() {
        watcher.close();
    }

    @Then("the cluster watcher's thread has ended")
    public void threadEnded() {
        assertFalse(watcher.running(), "the watcher's thread is still alive");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(
                "rbee-cluster-")), "a watcher thread is still alive");
    }

    private ClusterUpdate latest() {
        return watcher.latest();
    }
}
