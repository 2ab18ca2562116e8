package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.CommandRun;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.RbeeProcesses.Program;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.Words;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** S126: queen dies by SIGKILL and an operator starts it again on the same port and RBEE_HOME. */
public class QueenRestartSteps {
    private final ScenarioWorld world;
    private final LifecycleSteps lifecycle;
    private String secretBefore;
    private long hivePidBefore;
    private long killedAtNanos;

    public QueenRestartSteps(ScenarioWorld world) {
        this.world = world;
        this.lifecycle = new LifecycleSteps(world);
    }

    @When("I note the cluster secret and the pid of the rbee-hive")
    public void noteSecretAndHive() throws IOException {
        secretBefore = Files.readString(secretFile()).trim();
        List<RbeeProcesses.Found> hives = RbeeProcesses.of(world.home(), Program.HIVE);
        assertEquals(1, hives.size(), () -> "rbee-hive processes: " + hives);
        hivePidBefore = hives.getFirst().pid();
    }

    @When("queen-rbee is killed with SIGKILL and started again {int} s later on the same port and RBEE_HOME")
    public void killAndRestart(int seconds) throws InterruptedException {
        lifecycle.isKilled("queen-rbee");
        killedAtNanos = System.nanoTime();
        Eventually.within(5, () -> RbeeProcesses.of(world.home(), Program.QUEEN).isEmpty(),
                () -> "queen-rbee survived SIGKILL");
        Thread.sleep(Math.max(0, seconds * 1000L - (System.nanoTime() - killedAtNanos) / 1_000_000));
        lifecycle.queenStartedByTheOperator();
    }

    @Then("the cluster secret is the one noted")
    public void secretKept() throws IOException {
        assertEquals(secretBefore, Files.readString(secretFile()).trim(), "the cluster secret changed");
    }

    /** Runs the command again every second: the worker must appear within the bound, not merely eventually. */
    @Then("within {int} s {string} prints a line containing {string}")
    public void eventuallyPrints(int seconds, String commandLine, String text) throws InterruptedException {
        String wanted = world.fill(text);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            CommandRun run = world.run(Words.split(commandLine));
            if (world.lastExitCode() == 0 && run.stdout().lines().anyMatch(l -> l.contains(wanted))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + commandLine + "' never printed '" + wanted + "' within " + seconds
                        + " s; last exit " + world.lastExitCode() + ", stdout:\n" + run.stdout() + "\nstderr:\n"
                        + run.stderr());
            }
            Thread.sleep(1000);
        }
    }

    /** Past the 15 s lease: a hive that lost it would have exited by now (S122). */
    @Then("{int} s after the kill the noted rbee-hive is still running")
    public void hiveOutlivedTheLease(int seconds) throws InterruptedException {
        long waitMs = seconds * 1000L - (System.nanoTime() - killedAtNanos) / 1_000_000;
        Thread.sleep(Math.max(0, waitMs));
        List<RbeeProcesses.Found> hives = RbeeProcesses.of(world.home(), Program.HIVE);
        assertFalse(hives.isEmpty(), "no rbee-hive process is left");
        assertTrue(hives.stream().allMatch(h -> h.pid() == hivePidBefore),
                () -> "the hive is not the one from before the kill (pid " + hivePidBefore + "): " + hives);
    }

    private Path secretFile() {
        return world.home().resolve("cluster-secret");
    }
}
