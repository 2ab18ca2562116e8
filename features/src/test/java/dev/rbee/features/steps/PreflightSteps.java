package dev.rbee.features.steps;

import dev.rbee.engine.demo.DemoModels;
import dev.rbee.engine.gguf.GgufWriter;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inputs of the hive's preflight: test mode, config.toml overrides, model fixtures, installations, ports. */
public class PreflightSteps {
    private final ScenarioWorld world;
    private final HiveSteps hive;
    private final Map<String, String> preflight = new LinkedHashMap<>();
    private ServerSocket foreign;

    public PreflightSteps(ScenarioWorld world, HiveSteps hive) {
        this.world = world;
        this.hive = hive;
    }

    @Given("test mode is on")
    public void testModeIsOn() {
        world.env().put("RBEE_TEST_MODE", "1");
    }

    /** Rewrites {@code [preflight]} of config.toml; the hive reads it again at every check. */
    @Given("config.toml sets preflight.{word} to {string}")
    public void configSets(String key, String value) throws IOException {
        preflight.put(key, value);
        StringBuilder toml = new StringBuilder("[preflight]\n");
        preflight.forEach((k, v) -> toml.append(k).append(" = \"").append(v).append("\"\n"));
        Files.writeString(world.home().resolve("config.toml"), toml);
    }

    @Given("the hive waits {int} ms between preflight and spawn")
    public void spawnDelay(int millis) {
        testModeIsOn();
        world.env().merge("RBEE_TEST_FAULTS", "hive.spawn_delay_ms=" + millis, (a, b) -> a + "," + b);
    }

    @io.cucumber.java.en.When("within {int} s the log {string} contains {string}")
    public void withinTheLogContains(int seconds, String log, String text) throws InterruptedException {
        Path file = world.home().resolve("logs").resolve(log);
        Eventually.within(seconds, () -> {
            try {
                return Files.isRegularFile(file) && Files.readString(file).contains(text);
            } catch (IOException e) {
                return false;
            }
        }, () -> log + " never contained '" + text + "'");
    }

    @Given("the hive health interval is {int} s")
    public void healthInterval(int seconds) {
        world.env().put("RBEE_HIVE_HEALTH_INTERVAL_MS", String.valueOf(seconds * 1000L));
    }

    @Given("the shutdown grace is {int} s")
    public void shutdownGrace(int seconds) {
        world.env().put("RBEE_SHUTDOWN_GRACE_MS", String.valueOf(seconds * 1000L));
    }

    /**
     * demo:tiny padded with zeros to exactly {@code megabytes} × 10⁶ bytes: a loadable model whose size on disk is
     * what the scenario names (the size comes from the disk, S057).
     */
    @Given("a {int} MB test model at {string}")
    public void aTestModelOfMegabytes(int megabytes, String path) throws IOException {
        sizedModel(megabytes * 1_000_000L, path);
    }

    @Given("a {int} MiB test model at {string}")
    public void aTestModelOfMebibytes(int mebibytes, String path) throws IOException {
        sizedModel(mebibytes * (1L << 20), path);
    }

    /** Sparse: a model large enough to need gigabytes, without writing them. */
    @Given("a test model of {long} bytes at {string}")
    public void aTestModelOfBytes(long bytes, String path) throws IOException {
        sizedModel(bytes, path);
    }

    private void sizedModel(long bytes, String path) throws IOException {
        Path target = Path.of(world.fill(path));
        Path demo = DemoModels.ensureDemoTiny(Files.createTempDirectory(world.home(), "fixture"));
        Files.createDirectories(target.getParent());
        Files.copy(demo, target);
        try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
            file.setLength(bytes);
        }
    }

    @Given("a GGUF model with architecture {string} at {string}")
    public void aModelWithArchitecture(String architecture, String path) throws IOException {
        new GgufWriter().putString("general.architecture", architecture).putString("general.name", architecture)
                .writeTo(Path.of(world.fill(path)));
    }

    @Given("a foreign program listens on the first worker port")
    public void aForeignProgramListens() throws IOException {
        foreign = new ServerSocket(world.firstWorkerPort(), 50, InetAddress.getLoopbackAddress());
    }

    @After
    public void closeForeignPort() throws IOException {
        if (foreign != null) {
            foreign.close();
        }
    }

    /** A copy of bin/ whose launchers run the real jars; {@code how} says what happens to llm-worker-rbee. */
    @Given("an rbee-hive runs on its own from an installation whose llm-worker-rbee is {word}")
    public void aHiveFromABrokenInstallation(String how) throws IOException, InterruptedException {
        Path install = world.home().resolve("install");
        Files.createDirectories(install.resolve("bin"));
        Files.createSymbolicLink(install.resolve("lib"), world.root().resolve("dist/lib"));
        for (String launcher : new String[] {"rbee-launch", "rbee-hive", "llm-worker-rbee"}) {
            Files.copy(world.root().resolve("bin").resolve(launcher), install.resolve("bin").resolve(launcher));
        }
        Path worker = install.resolve("bin/llm-worker-rbee");
        switch (how) {
            case "missing" -> Files.delete(worker);
            case "not-executable" -> Files.setPosixFilePermissions(worker, PosixFilePermissions.fromString("rw-r--r--"));
            default -> throw new IllegalArgumentException(how);
        }
        world.remember("install", install.toString());
        hive.startHive(install.resolve("bin/rbee-hive"));
    }
}
