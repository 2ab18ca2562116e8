package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.features.kit.CommandRun;
import dev.rbee.features.kit.FreePorts;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hive already running on a node (S132): the installed {@code rbee-hive} started by the scenario on the node's
 * hive port with queen's cluster secret, as a hive queen started there would run. Queen does not start remote hives
 * yet, so the scenario plays that part.
 */
public class NodeHiveSteps {
    private final ScenarioWorld world;
    private final SshSteps ssh;
    private CommandRun hive;

    public NodeHiveSteps(ScenarioWorld world, SshSteps ssh) {
        this.world = world;
        this.ssh = ssh;
    }

    @Given("{string} was added through queen as user {string} with install path {string} and a free hive port")
    public void addedWithHivePort(String name, String user, String installPath) {
        AddNodeRequest r = ssh.addRequest(name, user, installPath);
        int port = FreePorts.next();
        world.remember("hive-port", String.valueOf(port));
        new QueenClient(new HttpJson(Endpoint.of(world.queenUrl(), null, Duration.ofSeconds(1),
                Duration.ofSeconds(45)), new Json())).addNode(new AddNodeRequest(r.nodeName(), r.sshHost(),
                r.sshPort(), r.sshUser(), r.sshKeyPath(), r.installPath(), port, null, r.acceptHostKey()));
    }

    @Given("the installed rbee-hive in {string} runs at the node's hive port")
    public void hiveRuns(String installPath) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(world.env());
        env.put("RBEE_CLUSTER_SECRET", Files.readString(world.home().resolve("cluster-secret")).strip());
        String port = world.remembered("hive-port");
        hive = CommandRun.start(List.of(Path.of(world.fill(installPath)).resolve("bin/rbee-hive").toString(),
                "daemon", "--bind", "127.0.0.1", "--port", port, "--node-name", "workstation"), env);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && hive.isAlive()) {
            try {
                HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/health"))
                        .timeout(Duration.ofSeconds(1)).build();
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the node's rbee-hive did not come up; stderr: " + hive.stderr());
    }

    @Then("within {int} s the node's hive has exited")
    public void hiveExited(int seconds) throws InterruptedException {
        hive.awaitExit(seconds);
        assertFalse(hive.isAlive(), "the node's rbee-hive (pid " + hive.pid() + ") is still running");
    }

    /** A failed scenario must not leave the hive behind; the leak check would name it. */
    @After(order = 15000)
    public void stopHive() throws InterruptedException {
        if (hive != null && hive.isAlive()) {
            ProcessHandle.of(hive.pid()).ifPresent(ProcessHandle::destroy);
            hive.awaitExit(10);
        }
    }
}
