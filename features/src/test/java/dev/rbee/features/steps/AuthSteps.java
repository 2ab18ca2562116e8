package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/** Queen's user API key and the cluster secret, seen from outside (api.md §2). */
public class AuthSteps {
    static final String API_KEY = "scenario-api-key-7f3c";

    private final ScenarioWorld world;

    public AuthSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("queen-rbee was started by the operator with its API key in a file")
    public void queenWithAKey() throws Exception {
        queenWithAKeyAnd("");
    }

    @Given("queen-rbee was started by the operator with its API key in a file and {string}")
    public void queenWithAKeyAnd(String moreArgs) throws Exception {
        Path file = world.home().resolve("keys/queen's api key.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, API_KEY + "\n");
        List<String> args = new java.util.ArrayList<>(List.of("--api-key-file", file.toString()));
        args.addAll(dev.rbee.features.kit.Words.split(moreArgs));
        world.startOperatorQueen(args);
        Eventually.within(30, () -> status("GET", "/health", null) == 200, () -> "queen-rbee did not answer /health");
    }

    @Given("keeper's environment has the right API key")
    public void keeperHasTheKey() {
        world.env().put("RBEE_API_KEY", API_KEY);
    }

    @Given("keeper's environment has RBEE_API_KEY {string}")
    public void keeperHasAKey(String key) {
        world.env().put("RBEE_API_KEY", key);
    }

    @Then("queen answers {word} {string} with {int} {word} when called with {word}")
    public void queenAnswers(String method, String path, int status, String code, String credential)
            throws Exception {
        HttpResponse<String> answer = call(method, path, token(credential));
        assertEquals(status, answer.statusCode(), answer::body);
        if (!"-".equals(code)) {
            JsonNode error = new Json().tree(answer.body()).get("error");
            assertEquals(code, error.get("code").asText(), answer::body);
            assertEquals("Bearer", answer.headers().firstValue("WWW-Authenticate").orElse(null));
        }
    }

    @Then("no process of this scenario shows the API key or the cluster secret on its command line")
    public void secretsNotOnCommandLines() throws IOException {
        List<RbeeProcesses.Found> found = RbeeProcesses.withHome(world.home());
        assertFalse(found.isEmpty(), "no process to look at");
        String secret = clusterSecret();
        for (RbeeProcesses.Found process : found) {
            assertFalse(process.commandLine().contains(API_KEY), process::commandLine);
            assertFalse(process.commandLine().contains(secret), "cluster secret in " + process.pid());
        }
    }

    @Then("no file under logs\\/ and nothing on stdout holds the API key or the cluster secret")
    public void secretsNotInLogsOrEvents() throws IOException {
        String secret = clusterSecret();
        try (Stream<Path> logs = Files.walk(world.home().resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log);
                assertFalse(text.contains(API_KEY) || text.contains(secret), "a secret in " + log);
            }
        }
        String out = world.lastRun().stdout() + world.lastRun().stderr();
        assertFalse(out.contains(API_KEY) || out.contains(secret), "a secret in keeper's output");
    }

    @Then("the cluster secret's file has mode {word}")
    public void secretFileMode(String mode) throws IOException {
        Path file = world.home().resolve("cluster-secret");
        assertEquals(PosixFilePermissions.fromString(mode.equals("0600") ? "rw-------" : mode),
                Files.getPosixFilePermissions(file));
    }

    @Then("nothing listens on the queen port")
    public void queenPortFree() {
        try (java.net.ServerSocket ignored = new java.net.ServerSocket(world.queenPort())) {
            assertTrue(ignored.isBound());
        } catch (IOException e) {
            throw new AssertionError("port " + world.queenPort() + " is taken", e);
        }
    }

    private String token(String credential) throws IOException {
        return switch (credential) {
            case "no-key" -> null;
            case "the-key" -> API_KEY;
            case "a-wrong-key" -> "wrong_key";
            case "the-cluster-secret" -> clusterSecret();
            default -> throw new IllegalArgumentException(credential);
        };
    }

    private String clusterSecret() throws IOException {
        return Files.readString(world.home().resolve("cluster-secret")).trim();
    }

    private int status(String method, String path, String token) {
        try {
            return call(method, path, token).statusCode();
        } catch (Exception notYet) {
            return -1;
        }
    }

    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(world.queenUrl() + path))
                    .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}")
                            : HttpRequest.BodyPublishers.noBody())
                    .header("Content-Type", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
