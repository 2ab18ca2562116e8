package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;

/** S154: which cores a worker process may run on, read from the kernel, and how many threads it computes with. */
public class CpuAffinitySteps {
    private final ScenarioWorld world;
    private final HiveSteps hive;

    public CpuAffinitySteps(ScenarioWorld world, HiveSteps hive) {
        this.world = world;
        this.hive = hive;
    }

    @Given("this machine has at least {int} cores")
    public void atLeastCores(int cores) throws IOException {
        if (allowedCores("self").size() < cores) {
            throw new TestAbortedException("S154 needs " + cores + " cores; this machine has fewer");
        }
    }

    @Then("worker {int} may run only on the {word} half of the cores, and computes with that many threads")
    public void pinnedToHalf(int number, String which) throws IOException {
        List<Integer> all = allowedCores("self"); // the hive and its workers inherit the harness's cores
        int half = all.size() / 2;
        List<Integer> expected = "lower".equals(which) ? all.subList(0, half) : all.subList(half, 2 * half);
        assertEquals(expected, allowedCores(String.valueOf(hive.workerPid(number))), "Cpus_allowed_list");
        Path log = world.home().resolve("logs").resolve(hive.workerId(number) + ".log");
        assertTrue(Files.readString(log).contains(", " + half + " threads"), () -> log + " does not say "
                + half + " threads");
    }

    /** {@code Cpus_allowed_list} of a process, expanded: {@code 8-11} is 8, 9, 10, 11. */
    private static List<Integer> allowedCores(String pid) throws IOException {
        String list = Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow()
                .substring("Cpus_allowed_list:".length()).strip();
        List<Integer> cores = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] range = part.split("-");
            int first = Integer.parseInt(range[0]);
            int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
            for (int core = first; core <= last; core++) {
                cores.add(core);
            }
        }
        return cores;
    }
}
