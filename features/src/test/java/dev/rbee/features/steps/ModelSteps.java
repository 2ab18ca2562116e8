package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.FixtureModels;
import dev.rbee.features.kit.HubFileSpec;
import dev.rbee.features.kit.HubServer;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.StandaloneHive;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The model catalog and downloads (scenarios.md §6), driven through the hive's own API and the hub stand-in. */
public class ModelSteps {
    private static final Json JSON = new Json();

    private final ScenarioWorld world;
    private final StandaloneHive hive;
    private final Map<String, String> hiveEnv = new HashMap<>();
    private final Map<String, HubFileSpec> files = new HashMap<>();
    private StandaloneHive.Answer answer;
    private List<JsonNode> progress = List.of();
    private String progressRaw = "";
    private long askedNanos;
    private long followedNanos;
    final long startedUnix = System.currentTimeMillis() / 1000;

    public ModelSteps(ScenarioWorld world) {
        this.world = world;
        this.hive = new StandaloneHive(Path.of(System.getProperty("rbee.root", "..")).toAbsolutePath().normalize(),
                world);
    }

    /** Runs before the leak check of {@link Hooks}: a hive the scenario started is stopped the proper way. */
    @After(order = 20000)
    public void stopTheHive() throws IOException, InterruptedException {
        hive.stop();
    }

    HubServer hub() {
        return world.hubServer();
    }

    HubFileSpec file(String name) {
        HubFileSpec spec = files.get(name);
        assertNotNull(spec, "no hub file " + name);
        return spec;
    }

    // ---- the hub

    @Given("the hub has {string} with {string} of about {int} MB")
    public void theHubHas(String repo, String file, int megabytes) {
        files.put(file, hub().put(repo, file, FixtureModels.ofAboutMegabytes(megabytes)));
    }

    @Given("the hub has {string} with {string}, a test model of exactly {int} MB")
    public void theHubHasExactly(String repo, String file, int megabytes) {
        files.put(file, hub().put(repo, file, FixtureModels.paddedToExactly(megabytes * 1_000_000)));
    }

    @Given("the hub has {string} with {string} of {int} bytes")
    public void theHubHasBytes(String repo, String file, int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        files.put(file, hub().put(repo, file, bytes));
    }

    @Given("the hub serves {string} at {int} KiB\\/s")
    public void theHubPaces(String file, int kib) {
        file(file).rate(kib * 1024L);
    }

    @Given("the hub cuts {string} at {int} % on the first {int} request(s)")
    public void theHubCuts(String file, int percent, int times) {
        file(file).cutAt(file(file).bytes().length * (long) percent / 100, times);
    }

    @Given("the hub stalls {string} at byte {long} on every request")
    public void theHubStalls(String file, long offset) {
        file(file).stallAt(offset, Integer.MAX_VALUE);
    }

    @Given("the hub serves corrupt bytes of {string} on the first {int} request(s)")
    public void theHubCorrupts(String file, int times) {
        file(file).corrupt(times);
    }

    @Given("the hub answers 403 for {string} unless it receives the token {string}")
    public void theHubWantsAToken(String repo, String token) {
        hub().requireToken(repo, token);
    }

    @Then("the hub received {int} file request(s)")
    public void theHubReceivedFileRequests(int count) {
        assertEquals(count, hub().fileRequests().size(), hub().requests().toString());
    }

    @Then("file request {int} to the hub had the header Range {string}")
    public void fileRequestHadRange(int n, String range) {
        assertEquals(range, hub().fileRequests().get(n - 1).range(), hub().fileRequests().toString());
    }

    @Then("file request {int} to the hub resumed at {int} % of {string}")
    public void fileRequestResumed(int n, int percent, String file) {
        fileRequestHadRange(n, "bytes=" + file(file).bytes().length * (long) percent / 100 + "-");
    }

    @When("the hub forgets the requests it received")
    public void forget() {
        hub().clearRequests();
    }

    @Then("the hub received no request")
    public void noRequest() {
        assertEquals(List.of(), hub().requests());
    }

    @Then("file request {int} to the hub had no Range header")
    public void fileRequestHadNoRange(int n) {
        assertEquals(null, hub().fileRequests().get(n - 1).range());
    }

    @Then("every request to the hub carried {string}")
    public void everyRequestCarried(String authorization) {
        assertFalse(hub().requests().isEmpty());
        hub().requests().forEach(r -> assertEquals(authorization, r.authorization(), r.toString()));
    }

    @Then("the hub received requests only for {string}")
    public void onlyFor(String repo) {
        hub().requests().forEach(r -> assertTrue(r.path().contains("/" + repo), r.toString()));
    }

    // ---- the hive

    @Given("the hive's download stall timeout is {int} ms")
    public void stallTimeout(int millis) {
        hiveEnv.put("RBEE_DOWNLOAD_STALL_TIMEOUT_MS", String.valueOf(millis));
    }

    @Given("the hive's downloads are limited to {long} bytes\\/s")
    public void bandwidthLimit(long perSecond) {
        hiveEnv.put("RBEE_DOWNLOAD_MAX_BYTES_PER_SEC", String.valueOf(perSecond));
    }

    @Given("the hive's downloads are not limited")
    public void noBandwidthLimit() {
        hiveEnv.remove("RBEE_DOWNLOAD_MAX_BYTES_PER_SEC");
    }

    @Given("the hive's disk writes are delayed by {int} ms")
    public void writeDelay(int millis) {
        hiveEnv.put("RBEE_TEST_MODE", "1");
        hiveEnv.put("RBEE_TEST_FAULTS", "download.write_delay_ms=" + millis);
    }

    @Then("the download took less than {int} ms")
    public void tookLessThan(int millis) {
        long took = (followedNanos - askedNanos) / 1_000_000;
        assertTrue(took < millis, "the download ended after " + took + " ms");
    }

    @Given("the hive's environment has HF_TOKEN={string}")
    public void hfToken(String token) {
        hiveEnv.put("HF_TOKEN", token);
    }

    @Then("after the stderr line {string}, no {string} line shows less than {int}%")
    public void barNeverGoesBack(String marker, String label, int percent) {
        List<String> lines = List.of(world.lastRun().stderr().split("\n"));
        int at = lines.indexOf(marker);
        assertTrue(at >= 0, "no line " + marker + " in " + lines);
        java.util.regex.Pattern pct = java.util.regex.Pattern.compile("\\] +(\\d+)%");
        int seen = 0;
        for (String line : lines.subList(at + 1, lines.size())) {
            java.util.regex.Matcher m = pct.matcher(line);
            if (line.startsWith(label) && m.find()) {
                assertTrue(Integer.parseInt(m.group(1)) >= percent, line);
                seen++;
            }
        }
        assertTrue(seen > 0, "no " + label + " line after " + marker);
    }

    @Given("rbee-hive runs on its own")
    @When("rbee-hive starts")
    public void hiveRuns() throws InterruptedException {
        hub();
        hive.start(hiveEnv);
    }

    @When("rbee-hive is restarted")
    public void hiveRestarts() throws IOException, InterruptedException {
        hive.stop();
        hive.start(hiveEnv);
    }

    @When("the hive is asked to download {string}")
    public void download(String ref) throws IOException, InterruptedException {
        askedNanos = System.nanoTime();
        answer = hive.send("POST", "/v1/models/download", "{\"model_ref\":\"" + world.fill(ref) + "\"}");
    }

    @When("I {word} {string} on the hive")
    public void call(String method, String path) throws IOException, InterruptedException {
        answer = hive.send(method, world.fill(path), method.equals("POST") ? "{}" : null);
    }

    @When("I POST {string} with the body {string} on the hive")
    public void post(String path, String body) throws IOException, InterruptedException {
        answer = hive.send("POST", path, world.fill(body));
    }

    @When("the hive's workers are stopped")
    public void stopWorkers() throws IOException, InterruptedException {
        for (JsonNode w : JSON.tree(hive.get("/v1/workers/list").body()).path("workers")) {
            hive.send("POST", "/v1/workers/" + w.path("worker_id").asText() + "/shutdown", null);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (JSON.tree(hive.get("/v1/workers/list").body()).path("workers").size() > 0) {
            assertTrue(System.nanoTime() < deadline, "workers still listed after 40 s");
            Thread.sleep(200);
        }
    }

    @When("I follow the download's progress")
    public void follow() throws IOException, InterruptedException {
        follow(body().path("download_id").asText());
    }

    @When("I follow the progress of download {string}")
    public void follow(String id) throws IOException, InterruptedException {
        progressRaw = hive.stream("/v1/models/download/progress?id=" + id, Duration.ofSeconds(90));
        followedNanos = System.nanoTime();
        progress = new ArrayList<>();
        for (String line : progressRaw.split("\n")) {
            if (line.startsWith("data: {")) {
                progress.add(JSON.tree(line.substring("data: ".length())));
            }
        }
    }

    @Then("the download took at least {int} ms")
    public void tookAtLeast(int millis) {
        long took = (followedNanos - askedNanos) / 1_000_000;
        assertTrue(took >= millis, "the download ended after " + took + " ms");
    }

    JsonNode body() {
        return JSON.tree(answer.body());
    }

    @Then("the hive's model API answers {int}")
    public void hiveAnswers(int status) {
        assertEquals(status, answer.status(), answer.body());
    }

    @Then("the hive answers {int} {word} with message {string}")
    public void hiveAnswersError(int status, String code, String message) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(code, body().path("error").path("code").asText());
        assertEquals(world.fill(message), body().path("error").path("message").asText());
        assertEquals("rbee-hive", body().path("error").path("details").path("component").asText());
    }

    @Then("the hive answers {int} {word} with a message matching {string}")
    public void hiveAnswersErrorMatching(int status, String code, String regex) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(code, body().path("error").path("code").asText());
        assertTrue(body().path("error").path("message").asText().matches(regex), answer.body());
    }

    @Then("the answer's details have {word} {string}")
    public void detailsHave(String field, String value) {
        assertEquals(value, body().path("error").path("details").path(field).asText(), answer.body());
    }

    @Then("the answer's details list {word} {string}")
    public void detailsList(String field, String csv) {
        List<String> listed = new ArrayList<>();
        body().path("error").path("details").path(field).forEach(n -> listed.add(n.asText()));
        assertEquals(List.of(csv.split(",\\s*")), listed.stream().sorted().toList(), answer.body());
    }

    @Then("the answer has a download_id and local_path null")
    public void startedDownload() {
        assertTrue(body().path("download_id").asText().matches("dl-[0-9a-f]{6}"), answer.body());
        assertTrue(body().path("local_path").isNull(), answer.body());
    }

    @Then("the answer has a download_id and local_path {string}")
    public void presentModel(String path) {
        assertTrue(body().path("download_id").asText().matches("dl-[0-9a-f]{6}"), answer.body());
        assertEquals(world.fill(path), body().path("local_path").asText());
    }

    @Then("the answer is {string}")
    public void answerIs(String json) {
        String expected = world.fill(json);
        for (var f : files.entrySet()) {
            expected = expected.replace("<size of " + f.getKey() + ">", String.valueOf(f.getValue().bytes().length));
        }
        assertEquals(JSON.tree(expected), body());
    }

    List<JsonNode> progress() {
        return progress;
    }

    String progressRaw() {
        return progressRaw;
    }

    StandaloneHive.Answer answer() {
        return answer;
    }

    StandaloneHive hive() {
        return hive;
    }
}
