package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rbee.contract.json.Json;
import dev.rbee.engine.gguf.FixedTokenLlamaGenerator;
import dev.rbee.engine.gguf.GgmlType;
import dev.rbee.engine.gguf.GgufReader;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import dev.rbee.features.kit.CommandRun;
import dev.rbee.features.kit.FixtureModels;
import dev.rbee.features.kit.ScenarioWorld;
import dev.rbee.features.kit.Words;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** GGUF files as rbee meets them (scenarios.md §7): what their header and metadata decide, seen end to end. */
public class GgufSteps {
    private static final Json JSON = new Json();

    private final ScenarioWorld world;
    /** Per quantization name: the fixture's path and the keeper run that used it (S056). */
    private final Map<String, Path> fixtures = new LinkedHashMap<>();
    private final Map<String, CommandRun> runs = new LinkedHashMap<>();

    private final ModelSteps models;

    public GgufSteps(ScenarioWorld world, ModelSteps models) {
        this.world = world;
        this.models = models;
    }

    /** The writer's storage type for a llama.cpp file type name as model refs spell it. */
    private static GgmlType typeOf(String fileType) {
        return switch (fileType) {
            case "Q4_0" -> GgmlType.Q4_0;
            case "Q8_0" -> GgmlType.Q8_0;
            case "Q4_K_M" -> GgmlType.Q4_K;
            case "Q5_K_M" -> GgmlType.Q5_K;
            default -> throw new IllegalArgumentException("no fixture type " + fileType);
        };
    }

    @Given("a model at {string} with {int} layers, a vocabulary of {int} and EOS id {int} in {word} that always predicts its EOS")
    public void aFixedTokenModel(String path, int layers, int vocab, int eos, String fileType) throws IOException {
        new FixedTokenLlamaGenerator().write(layers, vocab, eos, typeOf(fileType), Path.of(world.fill(path)));
    }

    @Then("the directory of {string} holds no tokenizer.json, only the model")
    public void noTokenizerNextToIt(String path) throws IOException {
        Path model = Path.of(world.fill(path));
        try (Stream<Path> files = Files.list(model.getParent())) {
            assertEquals(List.of(model), files.toList());
        }
        assertFalse(Files.exists(model.resolveSibling("tokenizer.json")));
    }

    /** A real model whose magic is replaced: everything after the first 4 bytes is a loadable GGUF. */
    @Given("a copy of the demo model at {string} whose first 4 bytes are {string}")
    public void aModelWithBadMagic(String path, String magic) throws IOException {
        Path target = Path.of(world.fill(path));
        new RandomLlamaGenerator().write(LlamaModelSpec.demoTiny(), target);
        byte[] bytes = Files.readAllBytes(target);
        System.arraycopy(magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, 0, 4);
        Files.write(target, bytes);
    }

    private static List<JsonNode> events(CommandRun run, String type) {
        return run.stdout().lines().map(JSON::tree).filter(e -> type.equals(e.path("type").asText())).toList();
    }

    @Then("the loading events on stdout report layers_total {int}, up to layers_loaded {int}")
    public void loadingEvents(int total, int last) {
        List<JsonNode> loading = events(world.lastRun(), "loading");
        assertFalse(loading.isEmpty(), () -> "no loading event in " + world.lastRun().stdout());
        loading.forEach(e -> assertEquals(total, e.path("layers_total").asInt(), e::toString));
        assertEquals(last, loading.getLast().path("layers_loaded").asInt());
    }

    @Then("the end event on stdout has tokens_out {int} and stop_reason {string}")
    public void endEvent(int tokensOut, String stopReason) {
        List<JsonNode> ends = events(world.lastRun(), "end");
        assertEquals(1, ends.size(), () -> "end events in " + world.lastRun().stdout());
        assertEquals(tokensOut, ends.getFirst().path("tokens_out").asInt(), ends.getFirst()::toString);
        assertEquals(stopReason, ends.getFirst().path("stop_reason").asText(), ends.getFirst()::toString);
    }

    @Then("stdout has no token event")
    public void noTokenEvent() {
        assertEquals(List.of(), events(world.lastRun(), "token"));
    }

    // ---- S056: one shape, four quantizations

    @Given("random test models of one shape at {string} in {string}")
    public void modelsOfOneShape(String pattern, String fileTypes) throws IOException {
        for (String fileType : fileTypes.split(",\\s*")) {
            Path file = Path.of(world.fill(pattern.replace("<quant>", fileType)));
            new RandomLlamaGenerator().write(new LlamaModelSpec("rbee " + fileType + " fixture", 256, 4, 4, 4, 512,
                    512, typeOf(fileType), 9L), file);
            fixtures.put(fileType, file);
        }
    }

    @When("I run {string} for each of them")
    public void runForEach(String commandLine) throws InterruptedException {
        for (String fileType : fixtures.keySet()) {
            runs.put(fileType, world.run(Words.split(commandLine.replace("<quant>", fileType))));
        }
    }

    @Then("each run exits 0 with {int} token events and an end event with tokens_out {int}")
    public void eachRunProducedTokens(int tokens, int tokensOut) throws InterruptedException {
        for (var run : runs.entrySet()) {
            CommandRun r = run.getValue();
            assertEquals(0, r.awaitExit(1), () -> run.getKey() + ":\n" + r.stdout() + r.stderr());
            assertEquals(tokens, events(r, "token").size(), () -> run.getKey() + ":\n" + r.stdout());
            assertEquals(tokensOut, events(r, "end").getFirst().path("tokens_out").asInt(), run::getKey);
        }
    }

    /** The file's tensor bytes: everything from the data section's start to the end of the file. */
    private long tensorBytes(Path file) throws IOException, dev.rbee.engine.gguf.GgufFormatException {
        return Files.size(file) - new GgufReader().read(file).dataOffset();
    }

    private long finalBytesLoaded(String fileType) {
        List<JsonNode> loading = events(runs.get(fileType), "loading");
        assertFalse(loading.isEmpty(), () -> fileType + ": no loading event");
        return loading.getLast().path("bytes_loaded").asLong();
    }

    @Then("each run's final loading event has bytes_loaded within 1 % of its file's tensor bytes")
    public void bytesLoadedMatchTheFile() throws Exception {
        for (String fileType : runs.keySet()) {
            long tensors = tensorBytes(fixtures.get(fileType));
            long loaded = finalBytesLoaded(fileType);
            assertTrue(Math.abs(loaded - tensors) <= tensors / 100, fileType + ": bytes_loaded " + loaded
                    + ", tensor bytes " + tensors + " (file " + Files.size(fixtures.get(fileType)) + ")");
        }
    }

    @Then("the final bytes_loaded grows in the order {string}")
    public void bytesLoadedGrow(String order) {
        long previous = -1;
        for (String fileType : order.split(",\\s*")) {
            long loaded = finalBytesLoaded(fileType);
            assertTrue(loaded > previous, fileType + " loaded " + loaded + " bytes, not more than " + previous);
            previous = loaded;
        }
    }

    // ---- S057: the size comes from the disk

    @Given("a loadable test model of exactly {long} bytes at {string}")
    public void anExactModel(long bytes, String path) throws IOException {
        Path target = Path.of(world.fill(path));
        Files.createDirectories(target.getParent());
        Files.write(target, FixtureModels.loadableOfExactly(bytes));
    }

    @Given("the hub has {string} with {string}, the bytes of {string}")
    public void theHubServesTheFile(String repo, String file, String path) throws IOException {
        world.hubServer().put(repo, file, Files.readAllBytes(Path.of(world.fill(path))));
    }

    @Then("every row of models.db has size_bytes {long}, the size of its file on disk")
    public void sizesComeFromTheDisk(long bytes) throws Exception {
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + world.home().resolve("models.db"));
             var st = db.createStatement();
             var rs = st.executeQuery("SELECT id, local_path, size_bytes FROM models")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                long onDisk = Files.size(Path.of(rs.getString(2)));
                assertEquals(onDisk, rs.getLong(3), rs.getString(1));
                assertEquals(bytes, rs.getLong(3), rs.getString(1));
            }
            assertTrue(rows > 0, "models.db has no row");
        }
    }

    /** Polls the standalone hive's worker list, so a spawn that was accepted is seen to load the model. */
    @Then("within {int} s the hive lists {int} worker(s) in state {string}")
    public void hiveListsWorkers(int seconds, int count, String state) throws InterruptedException {
        String[] last = {""};
        dev.rbee.features.kit.Eventually.within(seconds, () -> {
            try {
                last[0] = models.hive().get("/v1/workers/list").body();
                JsonNode workers = JSON.tree(last[0]).path("workers");
                long matching = 0;
                for (JsonNode w : workers) {
                    matching += state.equals(w.path("state").asText()) ? 1 : 0;
                }
                return workers.size() == count && matching == count;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, () -> "the hive lists " + last[0]);
    }
}
