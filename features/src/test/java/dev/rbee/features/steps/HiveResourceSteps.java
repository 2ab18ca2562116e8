package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code GET /v1/resources} compared with what the kernel reports (S039). */
public class HiveResourceSteps {
    private final ScenarioWorld world;
    private final HiveSteps hive;

    public HiveResourceSteps(ScenarioWorld world, HiveSteps hive) {
        this.world = world;
        this.hive = hive;
    }

    /** S039: each number within 5 % of what the kernel says right now. */
    @Then("the hive's resources are within 5 % of \\/proc\\/meminfo and of the disk of {string}")
    public void resourcesMatch(String dir) throws IOException {
        JsonNode r = hive.answerJson();
        long total = 0;
        long available = 0;
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            String[] parts = line.split("\\s+");
            if (parts[0].equals("MemTotal:")) {
                total = Long.parseLong(parts[1]) * 1024;
            } else if (parts[0].equals("MemAvailable:")) {
                available = Long.parseLong(parts[1]) * 1024;
            }
        }
        Path models = Path.of(world.fill(dir));
        Path existing = Files.exists(models) ? models : models.getParent();
        java.nio.file.FileStore store = Files.getFileStore(existing);
        near("ram_total_bytes", total, r);
        near("ram_available_bytes", available, r);
        near("disk_total_bytes", store.getTotalSpace(), r);
        near("disk_available_bytes", store.getUsableSpace(), r);
        assertEquals(Runtime.getRuntime().availableProcessors(), r.get("cpu_cores").asInt());
    }

    private static void near(String field, long expected, JsonNode r) {
        long actual = r.get(field).asLong();
        assertTrue(Math.abs(actual - expected) <= expected * 0.05, field + " " + actual + " vs " + expected);
    }
}
