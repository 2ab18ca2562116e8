package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.EmbeddedSshServer;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.FreePorts;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hives that queen starts over SSH on the scenario's node (S012, S018, S131). An installation on the node is a copy
 * of bin/ whose lib/ links to the built jars. Commands the SSH server runs as a user get {@code RBEE_HOME} =
 * {@code <rbee-home>/node-<user>}: the node's own home, below the scenario's, so the leak check finds its hive.
 */
public class RemoteHiveSteps {
    private final ScenarioWorld world;
    private final SshSteps ssh;
    private long commandStartedUnix;

    public RemoteHiveSteps(ScenarioWorld world, SshSteps ssh) {
        this.world = world;
        this.ssh = ssh;
    }

    private EmbeddedSshServer server() {
        return ssh.sshServer();
    }

    /** {@code <node-fs>} stands for the node's root file system (S131's /opt/rbee is {@code <node-fs>/opt/rbee}). */
    @Given("rbee is installed on the node for user {string} at {string}")
    public void installed(String user, String where) throws IOException {
        world.remember("node-fs", world.home().resolve("node-fs").toString());
        Path install = Path.of(world.fill(where));
        Files.createDirectories(install.resolve("bin"));
        Files.createSymbolicLink(install.resolve("lib"), world.root().resolve("dist/lib"));
        for (String launcher : new String[] {"rbee-launch", "rbee-hive", "llm-worker-rbee"}) {
            Files.copy(world.root().resolve("bin").resolve(launcher), install.resolve("bin").resolve(launcher));
        }
        Path nodeHome = world.home().resolve("node-" + user);
        world.remember("node-rbee-home-" + user, nodeHome.toString());
        String workerPort = String.valueOf(FreePorts.next());
        world.remember("node-worker-port-" + user, workerPort);
        server().environment(user, Map.of("RBEE_HOME", nodeHome.toString(), "RBEE_WORKER_PORT_START", workerPort));
    }

    @Given("the node's SSH port is reached through a proxy that delays every answer by {int} ms")
    public void latencyProxy(int ms) {
        proxy = new dev.rbee.features.kit.LatencyProxy(server().port(), ms);
        ssh.reachNodeAt(proxy.port());
    }

    @io.cucumber.java.After
    public void closeProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private dev.rbee.features.kit.LatencyProxy proxy;

    @Given("a free port as <{word}>")
    public void aFreePort(String name) {
        world.remember(name, String.valueOf(FreePorts.next()));
    }

    @When("I note the time")
    public void noteTheTime() throws InterruptedException {
        Thread.sleep(1100); // last_connected_unix has whole seconds: the add must lie in an earlier one
        commandStartedUnix = System.currentTimeMillis() / 1000;
    }

    @Then("the SSH server ran a command starting with {string}")
    public void ranACommandStarting(String prefix) {
        String filled = world.fill(prefix);
        List<String> commands = server().commands();
        assertTrue(commands.stream().anyMatch(c -> c.startsWith(filled)), () -> filled + " not in " + commands);
    }

    @Then("the SSH server ran a command containing {string}")
    public void ranACommandContaining(String part) {
        String filled = world.fill(part);
        List<String> commands = server().commands();
        assertTrue(commands.stream().anyMatch(c -> c.contains(filled)), () -> filled + " not in " + commands);
    }

    /** S131: "neither starts a binary found on PATH": every rbee-hive the node ran is named by its full path. */
    @Then("every rbee-hive the SSH server ran is named by a full path")
    public void fullPathsOnly() {
        for (String command : server().commands()) {
            String bare = command.replaceAll("'[^']*/bin/rbee-hive'", "");
            assertFalse(bare.contains("rbee-hive '") || bare.matches("(?s).*(^|[\\s;|&])rbee-hive\\b.*"),
                    () -> "rbee-hive found on PATH in: " + command);
        }
    }

    @Then("the hive at {string} answers alive")
    public void answersAlive(String url) throws IOException, InterruptedException {
        String body = health(world.fill(url));
        assertTrue(body.contains("\"status\":\"alive\""), body);
    }

    @Then("{int} s later the hive at {string} still answers alive")
    public void stillAlive(int seconds, String url) throws IOException, InterruptedException {
        Thread.sleep(seconds * 1000L);
        answersAlive(url);
    }

    private static String health(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url + "/v1/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** The node's heartbeats are accepted: queen lists the node's workers instead of answering 404. */
    @Then("queen's worker list for {string} answers 200 with {string}")
    public void workerList(String node, String body) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl()
                    + "/v2/workers/list?node=" + node)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(body, answer.body());
        }
    }

    @Then("within {int} s the node log {string} of user {string} has a line containing {string}")
    public void nodeLogHas(int seconds, String name, String user, String text) throws InterruptedException {
        Path log = Path.of(world.remembered("node-rbee-home-" + user)).resolve("logs").resolve(name);
        String filled = world.fill(text);
        Eventually.within(seconds, () -> {
            try {
                return Files.readString(log).contains(filled);
            } catch (IOException notYet) {
                return false;
            }
        }, () -> log + " has no line containing " + filled);
    }

    @When("the SSH server ends every session")
    public void endSessions() {
        server().closeSessions();
    }

    /** The cluster secret is in neither the command line nor the environment of the hive queen started. */
    @Then("the hive of user {string} runs with --secret-stdin and the cluster secret is not in its cmdline or environ")
    public void secretNotExposed(String user) throws IOException {
        String secret = Files.readString(world.home().resolve("cluster-secret")).strip();
        assertFalse(secret.isEmpty());
        Path nodeHome = Path.of(world.remembered("node-rbee-home-" + user));
        List<RbeeProcesses.Found> hives = RbeeProcesses.of(nodeHome, RbeeProcesses.Program.HIVE);
        assertEquals(1, hives.size(), () -> "hives of " + user + ": " + hives);
        long pid = hives.getFirst().pid();
        String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8);
        String environ = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
        assertTrue(cmdline.contains("--secret-stdin"), cmdline);
        assertFalse(cmdline.contains(secret), "the secret is in /proc/" + pid + "/cmdline");
        assertFalse(environ.contains(secret), "the secret is in /proc/" + pid + "/environ");
    }

    @Then("beehives.db says {string} is reachable, last connected after I noted the time")
    public void connectedAfterNote(String node) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + world.home().resolve("beehives.db"));
             PreparedStatement st = c.prepareStatement(
                     "SELECT status, last_connected_unix FROM nodes WHERE node_name = ?")) {
            st.setString(1, node);
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "no row for " + node);
                assertEquals("reachable", rs.getString(1));
                long last = rs.getLong(2);
                assertTrue(last >= commandStartedUnix, () -> "last_connected_unix " + last + " before "
                        + commandStartedUnix);
            }
        }
    }

    @Then("within {int} s queen-rbee.log has the preflight lines of {string} in order")
    public void preflightLines(int seconds, String node) throws InterruptedException {
        Path log = world.home().resolve("logs/queen-rbee.log");
        List<String> checks = List.of("connect and authenticate", "echo round trip", "latency",
                "rbee-hive --version 0.1.0");
        Eventually.within(seconds, () -> inOrder(log, node, checks), () -> "preflight lines of " + node
                + " not in order in " + log);
    }

    private static boolean inOrder(Path log, String node, List<String> checks) {
        String text;
        try {
            text = Files.readString(log);
        } catch (IOException e) {
            return false;
        }
        int from = 0;
        for (String check : checks) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("SSH preflight "
                    + java.util.regex.Pattern.quote(node) + ": " + java.util.regex.Pattern.quote(check)
                    + " OK \\(\\d+ ms\\)").matcher(text);
            if (!m.find(from)) {
                return false;
            }
            from = m.end();
        }
        return true;
    }
}
