package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import dev.rbee.features.kit.Eventually;
import dev.rbee.features.kit.RbeeProcesses;
import dev.rbee.features.kit.RbeeProcesses.Program;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.Words;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Processes started, signalled and killed the way an operator would, and what is left afterwards. */
public class LifecycleSteps {
    private final ScenarioWorld world;

    public LifecycleSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("queen-rbee was started by the operator")
    public void queenStartedByTheOperator() throws InterruptedException {
        world.startOperatorQueen();
        waitFor(30, () -> {
            try {
                queen().health();
                return true;
            } catch (RuntimeException notYet) {
                return false;
            }
        }, "queen-rbee did not answer /health");
    }

    @Given("a copy of the demo model at {string}")
    public void aCopyOfTheDemoModel(String path) throws IOException {
        new RandomLlamaGenerator().write(LlamaModelSpec.demoTiny(), Path.of(world.fill(path)));
    }

    /** Spells {@code text} in the test vocabulary: printable ASCII as itself, space as ▁, anything else as bytes. */
    @Given("a scripted model at {string} that writes {string} and stops")
    public void aScriptedModel(String path, String text) throws IOException {
        new dev.rbee.engine.gguf.ScriptedLlamaGenerator().write(scriptPieces(text), true, Path.of(world.fill(path)));
    }

    /** The byte-level vocabulary pieces that spell {@code text} ({@code \\n} in it is a newline). */
    static List<String> scriptPieces(String text) {
        List<String> pieces = new java.util.ArrayList<>();
        for (byte b : text.replace("\\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int u = b & 0xff;
            pieces.add(u == ' ' ? "\u2581" : u > 0x20 && u < 0x7f ? String.valueOf((char) u)
                    : String.format("<0x%02X>", u));
        }
        return pieces;
    }

    @Given("an idle worker for {string} runs on localhost")
    public void anIdleWorkerRuns(String model) throws InterruptedException {
        world.run(List.of("rbee-keeper", "infer", "--model", world.fill(model), "--prompt", "warm up", "--max-tokens",
                "1"));
        assertEquals(0, world.lastExitCode(), () -> "warm-up infer failed:\n" + world.lastRun().stderr());
    }

    @When("another client cancels the running job")
    public void anotherClientCancels() throws InterruptedException {
        List<dev.rbee.contract.queen.Job> jobs = List.of();
        for (int i = 0; i < 50 && jobs.isEmpty(); i++) {
            jobs = queen().jobs().jobs();
            Thread.sleep(50);
        }
        assertFalse(jobs.isEmpty(), "no job in flight");
        queen().cancelTask(jobs.getFirst().jobId());
    }

    @Then("the partial result file holds exactly the text printed on stdout")
    public void partialFileHoldsStdout() throws IOException {
        try (Stream<Path> files = Files.list(world.home().resolve("partial"))) {
            List<Path> saved = files.toList();
            assertEquals(1, saved.size(), "partial files: " + saved);
            String printed = world.lastRun().stdout();
            assertEquals(printed.endsWith("\n") ? printed.substring(0, printed.length() - 1) : printed,
                    Files.readString(saved.getFirst()));
        }
    }

    @Then("a ready callback for {string} is answered 404 WORKER_NOT_FOUND by the hive")
    public void readyCallbackForUnknownWorker(String workerId) throws IOException {
        String secret = Files.readString(world.home().resolve("cluster-secret")).trim();
        var hive = new dev.rbee.contract.client.HiveClient(new HttpJson(Endpoint.of("http://127.0.0.1:"
                + world.localHivePort(), secret, Duration.ofSeconds(1), Duration.ofSeconds(5)), new Json()));
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.rbee.contract.error.RbeeException.class,
                () -> hive.workerReady(new dev.rbee.contract.hive.WorkerReadyCallback(workerId, "http://127.0.0.1:1",
                        "demo:tiny", "cpu", 0, 0L)));
        assertEquals(404, e.status());
        assertEquals("WORKER_NOT_FOUND", e.code());
    }

    @When("I start {string}")
    public void iStart(String commandLine) {
        world.start(Words.split(commandLine));
    }

    @When("stdout has received {int} characters")
    public void stdoutHasReceived(int count) throws InterruptedException {
        waitFor(60, () -> world.lastRun().stdout().length() >= count, "stdout never reached " + count + " characters");
    }

    @When("{word} receives SIG{word}")
    public void receivesSignal(String program, String signal) {
        List<RbeeProcesses.Found> found = RbeeProcesses.of(world.home(), Program.named(program));
        assertFalse(found.isEmpty(), "no " + program + " process to signal");
        found.forEach(f -> RbeeProcesses.signal(f.pid(), signal));
    }

    @When("{word} is killed with SIGKILL")
    public void isKilled(String program) {
        receivesSignal(program, "KILL");
    }

    @Then("within {int} s the command ends with exit code {int}")
    public void theCommandEnds(int seconds, int code) throws InterruptedException {
        world.awaitLastRun(seconds);
        assertEquals(code, world.lastExitCode(), () -> "stderr:\n" + world.lastRun().stderr());
    }

    @Then("within {int} s nothing of this scenario is running")
    public void noRbeeProcessLeft(int seconds) throws InterruptedException {
        Eventually.within(seconds, () -> RbeeProcesses.withHome(world.home()).isEmpty(),
                () -> "still running: " + RbeeProcesses.withHome(world.home()));
    }

    @Then("within {int} s no {word} process of this scenario is left")
    public void noProcessOfProgramLeft(int seconds, String program) throws InterruptedException {
        Eventually.within(seconds, () -> RbeeProcesses.of(world.home(), Program.named(program)).isEmpty(),
                () -> "still running: " + RbeeProcesses.of(world.home(), Program.named(program)));
    }

    @Then("a queen-rbee, an rbee-hive and {int} llm-worker-rbee process(es) of this scenario are running")
    public void daemonsAreRunning(int workers) {
        assertEquals(1, RbeeProcesses.of(world.home(), Program.QUEEN).size(), "queen-rbee processes");
        assertEquals(1, RbeeProcesses.of(world.home(), Program.HIVE).size(), "rbee-hive processes");
        assertEquals(workers, RbeeProcesses.of(world.home(), Program.WORKER).size(), "llm-worker-rbee processes");
    }

    @Then("{int} s after that an llm-worker-rbee process of this scenario is still running")
    public void stillRunningAfter(int seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000L);
        assertFalse(RbeeProcesses.of(world.home(), Program.WORKER).isEmpty(), "the worker stopped too early");
    }

    @Then("the operator's queen-rbee exited with code {int}")
    public void operatorQueenExited(int code) throws InterruptedException {
        assertEquals(code, world.operatorQueen().awaitExit(40));
    }

    @Then("queen lists {int} worker(s) for {string} in state {string} with {int} busy slot(s)")
    public void queenListsWorkers(int count, String model, String state, int busy) {
        List<QWorker> matching = queen().workersList(null).workers().stream()
                .filter(w -> w.modelRef().equals(world.fill(model))).toList();
        assertEquals(count, matching.size(), () -> "workers: " + matching);
        matching.forEach(w -> {
            assertEquals(state, w.state());
            assertEquals(busy, w.slotsBusy());
        });
    }

    @Then("within {int} s queen lists no worker on {string}")
    public void queenListsNoWorker(int seconds, String node) throws InterruptedException {
        waitFor(seconds, () -> queen().workersList(node).workers().isEmpty(), "queen still lists workers on " + node);
    }

    @Then("stderr does not contain {string}")
    public void stderrDoesNotContain(String text) {
        assertFalse(world.lastRun().stderr().contains(world.fill(text)), () -> "stderr:\n" + world.lastRun().stderr());
    }

    @Then("the log {string} does not contain {string}")
    public void theLogDoesNotContain(String log, String text) throws IOException {
        assertFalse(Files.readString(world.home().resolve("logs").resolve(log)).contains(world.fill(text)), text);
    }

    @Then("no partial result was saved")
    public void noPartialResult() throws IOException {
        Path partial = world.home().resolve("partial");
        if (Files.isDirectory(partial)) {
            try (Stream<Path> files = Files.list(partial)) {
                assertEquals(0, files.count(), "partial results were written");
            }
        }
    }

    @Then("the queen, hive and first worker ports are free")
    public void portsAreFree() throws IOException {
        for (int port : new int[] {world.queenPort(), world.localHivePort(), world.firstWorkerPort()}) {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                assertTrue(socket.isBound());
            }
        }
    }

    private QueenClient queen() {
        return new QueenClient(new HttpJson(Endpoint.of(world.queenUrl(), null, Duration.ofSeconds(1),
                Duration.ofSeconds(5)), new Json()));
    }

    private static void waitFor(int seconds, BooleanSupplier condition, String failure) throws InterruptedException {
        Eventually.within(seconds, condition, () -> failure);
    }
}
