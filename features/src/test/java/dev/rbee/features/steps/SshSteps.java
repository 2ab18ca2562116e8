package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.features.kit.ClientKeys;
import dev.rbee.features.kit.EmbeddedSshServer;
import dev.rbee.features.kit.FreePorts;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.SilentListener;
import dev.rbee.features.kit.Words;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The node of the registry scenarios: an embedded SSH server (or a silent listener, or nothing) on a loopback
 * port, and the control machine's key in a home of its own. Placeholders: {@code <ssh-port>}, {@code <fp>} (the
 * server's host key), {@code <key>} (the client key's absolute path), {@code <node-home>} (the SSH user's home).
 */
public class SshSteps {
    private final ScenarioWorld world;
    private final Path dir;
    private EmbeddedSshServer server;
    private long baselineNanos;
    private SilentListener silent;
    private KeyPair clientKey;
    private long startedNanos;
    private int notedAuthAttempts;
    private int notedCommands;
    private dev.rbee.features.kit.CommandRun terminal;
    private int terminalExit;

    public SshSteps(ScenarioWorld world) throws IOException {
        this.world = world;
        this.dir = Files.createTempDirectory("rbee-ssh-").toRealPath();
    }

    /** The control machine's key, at {@code <control home>/.ssh/id_ed25519}; keeper expands {@code ~} with HOME. */
    private void clientKey() {
        if (clientKey != null) {
            return;
        }
        Path control = dir.resolve("control");
        Path key = control.resolve(".ssh/id_ed25519");
        clientKey = ClientKeys.write(key);
        world.env().put("HOME", control.toString());
        world.remember("key", key.toString());
    }

    /** The node's server for other step classes (installs, S005…); started on first use. */
    EmbeddedSshServer node() {
        return server();
    }

    /** The folder standing for the node's file system root ({@code <node-root>}: its {@code /opt}, homes…). */
    Path nodeRoot() {
        return dir.resolve("node");
    }

    private EmbeddedSshServer server() {
        if (server == null) {
            server = new EmbeddedSshServer(dir.resolve("node"));
            world.remember("node-root", dir.resolve("node").toString());
            world.remember("ssh-port", String.valueOf(server.port()));
            world.remember("fp", server.fingerprint());
        }
        return server;
    }

    /** The scenario's node, for steps of other classes (RemoteHiveSteps). */
    EmbeddedSshServer sshServer() {
        return server();
    }

    /** Nodes added from now on are reached at {@code port} (a proxy in front of the SSH server), not the server's. */
    void reachNodeAt(int port) {
        sshPort = port;
        world.remember("ssh-port", String.valueOf(port));
    }

    private Integer sshPort;

    private int nodePort() {
        return sshPort != null ? sshPort : server.port();
    }

    @Given("an SSH server acting as the node, with the client's key authorized for user {string}")
    public void anSshServerAuthorizing(String user) {
        clientKey();
        server().authorize(user, clientKey.getPublic());
        world.remember("node-home", server.homeOf(user).toString());
    }

    @Given("an SSH server acting as the node that does not authorize the client's key for user {string}")
    public void anSshServerRefusing(String user) {
        clientKey();
        server().authorize(user, EmbeddedSshServer.newEd25519().getPublic());
    }

    @Given("the SSH server also authorizes the client's key for user {string}")
    public void alsoAuthorizes(String user) {
        server().authorize(user, clientKey.getPublic());
    }

    @Given("the node's SSH address is a silent listener")
    public void aSilentListener() {
        clientKey();
        silent = new SilentListener();
        world.remember("ssh-port", String.valueOf(silent.port()));
    }

    @Given("nothing listens on the node's SSH port")
    public void nothingListens() {
        clientKey();
        world.remember("ssh-port", String.valueOf(FreePorts.next()));
    }

    @Given("the client's key file has mode {word}")
    public void keyMode(String mode) throws IOException {
        int bits = Integer.parseInt(mode, 8);
        StringBuilder perms = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int b = (bits >> shift) & 7;
            perms.append((b & 4) != 0 ? 'r' : '-').append((b & 2) != 0 ? 'w' : '-').append((b & 1) != 0 ? 'x' : '-');
        }
        Files.setPosixFilePermissions(Path.of(world.remembered("key")), PosixFilePermissions.fromString(
                perms.toString()));
    }

    @Given("the SSH server now offers another host key")
    public void anotherHostKey() {
        server.replaceHostKey();
        world.remember("new-fp", server.fingerprint());
    }

    @Given("{string} was added through queen as user {string} with install path {string}")
    public void addedThroughQueen(String name, String user, String installPath) {
        queen().addNode(addRequest(name, user, installPath));
    }

    /** The add-node request for a node served by this scenario's SSH server, its host key trusted. */
    AddNodeRequest addRequest(String name, String user, String installPath) {
        return new AddNodeRequest(name, "127.0.0.1", nodePort(), user, world.remembered("key"),
                world.fill(installPath), null, null, server.fingerprint());
    }

    /** {@code hivePort} may be a placeholder, e.g. {@code <node-hive-port>}. */
    @Given("{string} was added through queen as user {string} with install path {string} and hive port {string}")
    public void addedWithHivePort(String name, String user, String installPath, String hivePort) {
        queen().addNode(new AddNodeRequest(name, "127.0.0.1", nodePort(), user, world.remembered("key"),
                world.fill(installPath), Integer.valueOf(world.fill(hivePort)), null, server.fingerprint()));
    }

    @Given("{string} was added through queen as user {string} with install path {string}, hive port {string} "
            + "and hive bind {string}")
    public void addedWithHiveBind(String name, String user, String installPath, String hivePort, String bind) {
        queen().addNode(new AddNodeRequest(name, "127.0.0.1", nodePort(), user, world.remembered("key"),
                world.fill(installPath), Integer.valueOf(world.fill(hivePort)), bind, server.fingerprint()));
    }

    @When("I note what the SSH server has seen so far")
    public void noteServer() {
        notedAuthAttempts = server.authAttempts().size();
        notedCommands = server.commands().size();
    }

    @When("I run {string} and time it")
    public void runAndTime(String commandLine) throws InterruptedException {
        startedNanos = System.nanoTime();
        world.run(Words.split(commandLine));
    }

    /**
     * The command on a pseudo-terminal ({@code script} from util-linux): stdin, stdout and stderr are the terminal,
     * and {@code answer} is typed ahead, as a user answering the prompt would.
     */
    @When("I run {string} on a terminal, answering {string}")
    public void runOnATerminal(String commandLine, String answer) throws InterruptedException {
        java.util.List<String> words = new java.util.ArrayList<>();
        Words.split(commandLine).forEach(w -> words.add(world.fill(w)));
        words.set(0, world.root().resolve("bin").resolve(words.getFirst()).toString());
        StringBuilder quoted = new StringBuilder();
        for (String w : words) {
            quoted.append(quoted.isEmpty() ? "" : " ").append("'").append(w.replace("'", "'\\''")).append("'");
        }
        terminal = dev.rbee.features.kit.CommandRun.start(java.util.List.of("script", "-qefc", quoted.toString(),
                "/dev/null"), world.env(), answer + "\n");
        terminalExit = terminal.awaitExit(120);
    }

    @Then("the terminal showed {string}")
    public void terminalShowed(String text) {
        String shown = terminal.stdout().replace("\r", "");
        assertTrue(shown.contains(world.fill(text)), () -> "terminal:\n" + shown);
    }

    @Then("the terminal has a line matching {string}")
    public void terminalLineMatches(String regex) {
        String shown = terminal.stdout().replace("\r", "");
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(world.fill(regex));
        assertTrue(shown.lines().anyMatch(line -> pattern.matcher(line).matches()), () -> "terminal:\n" + shown);
    }

    @Then("the terminal command exited with {int}")
    public void terminalExit(int code) {
        assertEquals(code, terminalExit, () -> "terminal:\n" + terminal.stdout());
    }

    @Then("the command took between {double} and {double} s")
    public void tookBetween(double min, double max) {
        double seconds = (world.lastRun().endedNanos() - startedNanos) / 1e9;
        System.out.printf("[timing] the command took %.2f s%n", seconds);
        assertTrue(seconds >= min && seconds <= max, "took " + seconds + " s");
    }

    @Given("I time {string} as the baseline")
    public void baseline(String commandLine) throws InterruptedException {
        long start = System.nanoTime();
        world.run(Words.split(commandLine));
        baselineNanos = world.lastRun().endedNanos() - start;
    }

    /** For a limit that includes the JVM's start, which on a loaded machine alone can take seconds. */
    @Then("the command took at most {int} ms longer than the baseline")
    public void atMostLongerThanBaseline(int margin) {
        long took = world.lastRun().endedNanos() - startedNanos;
        assertTrue(took - baselineNanos <= margin * 1_000_000L, () -> "took " + took / 1_000_000 + " ms, the baseline "
                + baselineNanos / 1_000_000 + " ms");
    }

    @Then("the command took less than {double} s")
    public void tookLessThan(double max) {
        tookBetween(0, max);
    }

    @Then("the silent listener accepted {int} connections")
    public void silentAccepted(int expected) {
        assertEquals(expected, silent.connections());
    }

    /** api.md §5.2 step 5, byte for byte. */
    static final String ROUND_TRIP = "echo rbee-ssh-ok; printf '%s\\n' \"$HOME\"; uname -sm";

    @Then("the SSH server ran queen's round-trip command as {string}")
    public void serverRan(String user) {
        assertTrue(server.commands().contains(ROUND_TRIP), () -> "commands: " + server.commands());
        assertTrue(server.authAttempts().stream().anyMatch(a -> a.user().equals(user) && a.accepted()),
                () -> "auth attempts: " + server.authAttempts());
    }

    @Then("the SSH server ran exactly the commands {string} and {string}")
    public void ranExactly(String first, String second) {
        assertEquals(java.util.List.of(world.fill(first), world.fill(second)), server.commands());
    }

    @Then("the SSH server ran no command since then")
    public void noNewCommand() {
        assertEquals(notedCommands, server.commands().size(), () -> "commands: " + server.commands());
    }

    @Then("the SSH server saw no authentication attempt since then")
    public void noNewAuthAttempt() {
        assertEquals(notedAuthAttempts, server.authAttempts().size(), () -> "attempts: " + server.authAttempts());
    }

    @Then("the SSH server refused an authentication attempt by {string}")
    public void refusedAttempt(String user) {
        assertTrue(server.authAttempts().stream().anyMatch(a -> a.user().equals(user) && !a.accepted()),
                () -> "auth attempts: " + server.authAttempts());
    }

    @Then("the SSH server saw no connection")
    public void noConnection() {
        assertEquals(0, server().connections(), "connections to the SSH server");
    }

    @Then("queen's known_hosts holds the SSH server's key")
    public void knownHostsHoldsKey() throws IOException {
        Path file = world.home().resolve("known_hosts");
        assertTrue(Files.exists(file), "no " + file);
        String expected = "[127.0.0.1]:" + server.port() + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(server.hostKey());
        assertTrue(Files.readAllLines(file).contains(expected), () -> "known_hosts: " + read(file));
    }

    @Then("queen's known_hosts does not exist")
    public void noKnownHosts() {
        assertFalse(Files.exists(world.home().resolve("known_hosts")), "known_hosts exists");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private QueenClient queen() {
        return new QueenClient(new HttpJson(Endpoint.of(world.queenUrl(), null, Duration.ofSeconds(1),
                Duration.ofSeconds(45)), new Json()));
    }

    @After
    public void closeTheNode() throws IOException {
        if (server != null) {
            server.close();
        }
        if (silent != null) {
            silent.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
