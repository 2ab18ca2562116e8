package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests released together against a real queen (scenarios.md §9): each on its own thread and connection, all
 * waiting on one latch, so that they reach queen within a millisecond of each other.
 */
public class ConcurrencySteps {
    private static final String REGISTER = "/v2/workers/register";
    private final ScenarioWorld world;
    private final SshSteps ssh;
    private final Json json = new Json();
    private List<String> nodes = List.of();
    private List<HttpResponse<String>> answers = List.of();

    public ConcurrencySteps(ScenarioWorld world, SshSteps ssh) {
        this.world = world;
        this.ssh = ssh;
    }

    @When("registrations of {string} from the nodes {string} are released by one barrier")
    public void sameIdFromNodes(String workerId, String nodeList) throws Exception {
        nodes = List.of(nodeList.split(",\\s*"));
        answers = together(nodes.stream().map(node -> request(REGISTER, registration(workerId, node))).toList());
    }

    @When("the workers {string} of {string} register at the same moment")
    public void differentWorkers(String idList, String node) throws Exception {
        answers = together(List.of(idList.split(",\\s*")).stream()
                .map(id -> request(REGISTER, registration(id, node))).toList());
    }

    @When("two add-node calls for {string} arrive together")
    public void twoAdds(String name) throws Exception {
        String body = json.write(ssh.addRequest(name, "ops", "~/rbee"));
        answers = together(List.of(request("/v2/registry/beehives/add", body),
                request("/v2/registry/beehives/add", body)));
    }

    @When("two tasks {string} are sent to POST \\/v2\\/tasks at the same moment")
    public void twoTasks(String body) throws Exception {
        HttpRequest task = HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/tasks"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(world.fill(body))).build();
        answers = together(List.of(task, task));
    }

    @Then("both task streams end with end and [DONE], without an error")
    public void bothEnd() {
        for (HttpResponse<String> answer : answers) {
            List<String> data = answer.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6))
                    .toList();
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("[DONE]", data.getLast(), answer.body());
            assertEquals("end", json.tree(data.get(data.size() - 2)).get("type").asText(), answer.body());
            assertEquals(List.of(), data.stream().filter(d -> d.contains("\"type\":\"error\"")).toList());
        }
    }

    @Then("{int} answer(s) is/are {int} and {int} is/are the error {int} {word}")
    public void answersAre(int okCount, int okStatus, int errorCount, int errorStatus, String code) {
        long ok = answers.stream().filter(a -> a.statusCode() == okStatus).count();
        long refused = answers.stream().filter(a -> a.statusCode() == errorStatus
                && code.equals(json.tree(a.body()).at("/error/code").asText())).count();
        assertEquals(List.of((long) okCount, (long) errorCount), List.of(ok, refused), bodies());
    }

    @Then("queen lists {string} once, on the node whose registration got 201")
    public void listedOnceOnTheWinner(String workerId) throws IOException, InterruptedException {
        String winner = null;
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).statusCode() == 201) {
                winner = nodes.get(i);
            }
        }
        List<JsonNode> listed = listed().stream().filter(w -> w.get("worker_id").asText().equals(workerId)).toList();
        assertEquals(1, listed.size(), listed::toString);
        assertEquals(winner, listed.getFirst().get("node").asText());
    }

    @Then("queen lists {int} distinct workers")
    public void distinctWorkers(int count) throws IOException, InterruptedException {
        assertEquals(count, listed().stream().map(w -> w.get("worker_id").asText()).distinct().count());
        assertEquals(count, listed().size());
    }

    /**
     * Two senders (as two hives' threads would be) send heartbeats with consecutive seqs in random order and with
     * random gaps; after each round the worker must be in the state of the higher seq.
     */
    @Then("{int} random interleavings of two senders' heartbeats for {string} end in the state of the highest seq")
    public void interleavings(int rounds, String workerId) throws Exception {
        Random random = new Random(42);
        String path = "/v2/workers/" + workerId + "/heartbeat";
        try (ExecutorService senders = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < rounds; round++) {
                long seq = 1000 + 2L * round;
                boolean busyWins = random.nextBoolean();
                String low = heartbeat(busyWins ? "idle" : "busy", seq);
                String high = heartbeat(busyWins ? "busy" : "idle", seq + 1);
                boolean highFirst = random.nextBoolean();
                int gapMicros = random.nextInt(1000);
                Future<?> a = senders.submit(() -> send(request(path, highFirst ? high : low)));
                Thread.sleep(0, gapMicros * 1000);
                Future<?> b = senders.submit(() -> send(request(path, highFirst ? low : high)));
                a.get();
                b.get();
                String expected = busyWins ? "busy" : "idle";
                JsonNode worker = listed().stream().filter(w -> w.get("worker_id").asText().equals(workerId))
                        .findFirst().orElseThrow();
                assertEquals(expected, worker.get("state").asText(), "round " + round + " (seq " + seq + ")");
            }
        }
    }

    private static String heartbeat(String state, long seq) {
        return "{\"state\":\"" + state + "\",\"slots_busy\":" + ("busy".equals(state) ? 1 : 0) + ",\"seq\":" + seq
                + "}";
    }

    static String registration(String workerId, String node) {
        return "{\"worker_id\":\"" + workerId + "\",\"node\":\"" + node + "\",\"url\":\"http://127.0.0.1:41999\","
                + "\"model_ref\":\"demo:tiny\",\"backend\":\"cpu\",\"device\":0,\"slots_total\":1}";
    }

    HttpRequest request(String path, String body) {
        try {
            String secret = Files.readString(world.home().resolve("cluster-secret")).trim();
            return HttpRequest.newBuilder(URI.create(world.queenUrl() + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + secret)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HttpResponse<String> send(HttpRequest request) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends every request on its own thread once all threads are ready; answers in the order of the requests. */
    static List<HttpResponse<String>> together(List<HttpRequest> requests)
            throws InterruptedException, ExecutionException {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> pending = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(requests.size())) {
            for (HttpRequest request : requests) {
                pending.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return send(request);
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> done = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pending) {
                done.add(f.get());
            }
            return done;
        }
    }

    List<JsonNode> listed() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String body = http.send(HttpRequest.newBuilder(URI.create(world.queenUrl() + "/v2/workers/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<JsonNode> workers = new ArrayList<>();
            json.tree(body).get("workers").forEach(workers::add);
            return workers;
        }
    }

    private String bodies() {
        return answers.stream().map(a -> a.statusCode() + " " + a.body()).toList().toString();
    }
}
