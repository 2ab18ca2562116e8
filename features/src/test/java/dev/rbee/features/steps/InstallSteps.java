package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code setup install} (S005, S127–S133): the node's Java as its SSH commands see it, the installed tree compared
 * file by file with the local distribution, and directories the node user cannot write or that fill up. Mounts
 * (a read-only or a small tmpfs) need root, which the CI machine has; without it the step fails and says so.
 */
public class InstallSteps {
    private static final long MIB = 1L << 20;
    private static final String TEMURIN_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin";
    private static final String JAVA_17 = "/usr/lib/jvm/java-17-openjdk-amd64/bin";

    private final ScenarioWorld world;
    private final SshSteps ssh;
    private final List<Path> mounts = new ArrayList<>();
    private long notedFree = -1;

    public InstallSteps(ScenarioWorld world, SshSteps ssh) {
        this.world = world;
        this.ssh = ssh;
    }

    @Given("the node's SSH commands find Java {int} first on PATH")
    public void javaOnPath(int major) {
        String bin = switch (major) {
            case 25 -> TEMURIN_25;
            case 17 -> JAVA_17;
            default -> throw new IllegalArgumentException("no Java " + major + " on this machine");
        };
        ssh.node().setEnvironment("PATH", bin + ":" + System.getenv("PATH"));
    }

    /** PATH holds one empty folder, so the shell finds no java (nor anything else but its builtins). */
    @Given("the node's SSH commands have a PATH without java")
    public void noJava() throws IOException {
        Path empty = Files.createDirectories(ssh.nodeRoot().resolve("empty-bin"));
        ssh.node().setEnvironment("PATH", empty.toString());
    }

    /**
     * As a normal user, mode 0555; as root (CI), permissions do not stop writes, so a read-only tmpfs is mounted
     * there instead, and the node sees "Read-only file system", which queen reports as permission denied.
     */
    @Given("the node user cannot write {string}")
    public void cannotWrite(String dir) throws IOException, InterruptedException {
        Path path = Files.createDirectories(Path.of(world.fill(dir)));
        if (isRoot()) {
            mount(path, "ro,size=1m");
        } else {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        }
    }

    @When("the node user can write {string} again")
    public void canWrite(String dir) throws IOException, InterruptedException {
        Path path = Path.of(world.fill(dir));
        if (isRoot()) {
            run("umount", path.toString());
            mounts.remove(path);
        } else {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Given("{string} is a {int} MiB tmpfs already holding {int} MiB")
    public void smallDisk(String dir, int sizeMiB, int heldMiB) throws IOException, InterruptedException {
        Path path = Files.createDirectories(Path.of(world.fill(dir)));
        mount(path, "size=" + sizeMiB + "m");
        try (OutputStream out = Files.newOutputStream(path.resolve("other-data.bin"))) {
            byte[] chunk = new byte[(int) MIB];
            for (int i = 0; i < heldMiB; i++) {
                out.write(chunk);
            }
        }
    }

    @When("I note the free space of {string}")
    public void noteFree(String dir) {
        notedFree = Path.of(world.fill(dir)).toFile().getUsableSpace();
    }

    @Then("the free space of {string} is as noted")
    public void freeAsNoted(String dir) {
        assertEquals(notedFree, Path.of(world.fill(dir)).toFile().getUsableSpace(), "free bytes");
    }

    @Then("the local distribution is smaller than {int} MiB but larger than the free space of {string}")
    public void distributionSize(int mib, String dir) throws IOException {
        long size = localFiles().values().stream().mapToLong(InstallSteps::size).sum();
        long free = Path.of(world.fill(dir)).toFile().getUsableSpace();
        assertTrue(size < mib * MIB && size > free, "distribution " + size + " B, free " + free + " B");
    }

    @Then("{string} has the same SHA-256 files as the local distribution")
    public void sameFiles(String dir) throws IOException {
        Path installed = Path.of(world.fill(dir));
        Map<String, Path> local = localFiles();
        Map<String, Path> remote = new TreeMap<>();
        try (Stream<Path> files = Files.walk(installed)) {
            files.filter(Files::isRegularFile).forEach(f -> remote.put(installed.relativize(f).toString(), f));
        }
        assertEquals(local.keySet(), remote.keySet(), "installed files");
        for (String name : local.keySet()) {
            assertEquals(sha256(local.get(name)), sha256(remote.get(name)), name);
        }
        world.remember("installed-bytes", String.valueOf(local.values().stream().mapToLong(InstallSteps::size).sum()));
    }

    @Then("{string} is executable")
    public void executable(String file) {
        assertTrue(Files.isExecutable(Path.of(world.fill(file))), file + " is not executable");
    }

    @Then("{string} does not exist")
    public void doesNotExist(String path) {
        assertFalse(Files.exists(Path.of(world.fill(path))), path + " exists");
    }

    @Then("{string} holds no temporary copy")
    public void noTemporaryCopy(String dir) throws IOException {
        assertEquals(List.of(), temporaries(dir), "temporary directories left");
    }

    /** Queen removes the copy once it notices the client left (its next progress write). */
    @Then("within {int} s {string} holds no temporary copy")
    public void noTemporaryCopyWithin(int seconds, String dir) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!temporaries(dir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        noTemporaryCopy(dir);
    }

    private List<String> temporaries(String dir) throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(world.fill(dir)))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".tmp-") || n.contains(".old-")).toList();
        }
    }

    /** The copy is under way: a temporary directory next to the install path already holds jars. */
    @When("within {int} s a temporary copy of {string} holds a jar")
    public void temporaryCopyStarted(int seconds, String installPath) throws IOException, InterruptedException {
        Path target = Path.of(world.fill(installPath));
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        // 5 ms polls: the whole copy takes about a second on loopback
        while (!copyUnderWay(target)) {
            assertTrue(System.nanoTime() < deadline, "no temporary copy with a jar within " + seconds + " s");
            Thread.sleep(5);
        }
    }

    private static boolean copyUnderWay(Path target) throws IOException {
        try (Stream<Path> entries = Files.list(target.getParent())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(target.getFileName() + ".tmp-"))
                    .anyMatch(InstallSteps::holdsJar);
        }
    }

    @Then("the SSH server's command log shows no git or build tool")
    public void noBuildTool() {
        for (String command : ssh.node().commands()) {
            for (String tool : List.of("git", "mvn", "gradle", "make", "javac", "cargo")) {
                assertFalse(command.matches("(?s).*\\b" + tool + "\\b.*"), () -> "'" + tool + "' in " + command);
            }
        }
    }

    private static boolean holdsJar(Path tmp) {
        try (Stream<Path> jars = Files.list(tmp.resolve("lib"))) {
            return jars.anyMatch(j -> j.toString().endsWith(".jar"));
        } catch (IOException e) {
            return false;
        }
    }

    /** bin/ and the jars as the installed tree names them (lib/…, from lib/ or a checkout's dist/lib). */
    private Map<String, Path> localFiles() throws IOException {
        Path root = world.root();
        Path lib = Files.isDirectory(root.resolve("lib")) ? root.resolve("lib") : root.resolve("dist/lib");
        Map<String, Path> files = new TreeMap<>();
        for (String[] pair : List.of(new String[] {"bin", root.resolve("bin").toString()},
                new String[] {"lib", lib.toString()})) {
            try (Stream<Path> list = Files.list(Path.of(pair[1]))) {
                list.filter(Files::isRegularFile).forEach(f -> files.put(pair[0] + "/" + f.getFileName(), f));
            }
        }
        return files;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void mount(Path path, String options) throws IOException, InterruptedException {
        run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path.toString());
        mounts.add(path);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Before SshSteps removes the node's folder (higher order runs first among After hooks). */
    @After(order = 20000)
    public void unmount() throws IOException, InterruptedException {
        for (Path path : mounts) {
            run("umount", "-l", path.toString());
        }
        mounts.clear();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (needs root or CAP_SYS_ADMIN): " + output);
        }
    }
}
