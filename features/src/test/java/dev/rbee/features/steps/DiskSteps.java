package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A models directory on a small real tmpfs (S068), so a download hits a real ENOSPC from the kernel rather than a
 * simulated one. Mounting needs root or CAP_SYS_ADMIN, which the CI machine has; without it the step fails and says so.
 */
public class DiskSteps {
    private static final long MIB = 1L << 20;
    private final ScenarioWorld world;
    private Path mounted;

    public DiskSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("the models directory is a {int} MiB tmpfs already holding {int} MiB")
    public void modelsOnTmpfs(int sizeMiB, int heldMiB) throws IOException, InterruptedException {
        Path models = world.home().resolve("models");
        Files.createDirectories(models);
        run("mount", "-t", "tmpfs", "-o", "size=" + sizeMiB + "m", "tmpfs", models.toString());
        mounted = models;
        try (OutputStream out = Files.newOutputStream(models.resolve("other-data.bin"))) {
            byte[] chunk = new byte[(int) MIB];
            for (int i = 0; i < heldMiB; i++) {
                out.write(chunk);
            }
        }
    }

    @Then("the models directory has {int} MiB free")
    public void modelsDirectoryFree(int freeMiB) {
        assertEquals(freeMiB * MIB, world.home().resolve("models").toFile().getUsableSpace(),
                "free bytes on the models tmpfs");
    }

    /** Runs after the process teardown (lower order = later for After hooks), before the next scenario. */
    @After(order = 5000)
    public void unmount() throws IOException, InterruptedException {
        if (mounted == null) {
            return;
        }
        run("umount", "-l", mounted.toString());
        if (Files.exists(world.home())) {
            try (Stream<Path> files = Files.walk(world.home())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (needs root or CAP_SYS_ADMIN): " + output);
        }
    }
}
