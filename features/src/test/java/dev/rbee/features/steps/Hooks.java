package dev.rbee.features.steps;

import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
import java.io.IOException;
import java.util.List;

/** Teardown of every scenario: leftovers are killed and make the scenario fail (scenarios.md "No leaks"). */
public class Hooks {
    private final ScenarioWorld world;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @After
    public void noProcessOutlivesItsScenario() throws IOException, InterruptedException {
        List<RbeeProcesses.Found> left = RbeeProcesses.withHome(world.home());
        for (int i = 0; i < 50 && !left.isEmpty(); i++) {
            Thread.sleep(100);
            left = RbeeProcesses.withHome(world.home());
        }
        List<RbeeProcesses.Found> killed = world.cleanUp();
        if (!killed.isEmpty()) {
            throw new AssertionError("rbee processes still alive 5 s after the scenario: " + killed);
        }
    }
}
