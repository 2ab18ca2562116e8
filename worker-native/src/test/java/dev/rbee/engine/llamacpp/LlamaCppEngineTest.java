package dev.rbee.engine.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.engine.EngineException;
import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.StopReason;
import dev.rbee.engine.demo.DemoModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real llama.cpp forward passes on the generated demo model. */
class LlamaCppEngineTest {
    @TempDir
    static Path dir;
    static LoadedModel model;
    static final List<int[]> progress = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        Path file = DemoModels.ensureDemoTiny(dir);
        model = new LlamaCppEngine(System.err).load(LoadRequest.cpu(file, 512, 2),
                (loaded, total, bytes) -> progress.add(new int[] {loaded, total}));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static GenerationRequest request(int maxTokens, long seed, List<String> stop) {
        return new GenerationRequest("write a short story", maxTokens, 0.7, 1.0, 0, 0.0, 1.0, seed, stop);
    }

    @Test
    void loadingReportsLayersFromZeroToAll() {
        assertEquals(0, progress.get(0)[0]);
        assertEquals(4, progress.getLast()[0]);
        assertEquals(4, progress.getLast()[1]);
    }

    @Test
    void generatesExactlyMaxTokensOfPrintableText() {
        List<String> tokens = new ArrayList<>();
        GenerationResult result = model.generate(request(20, 7, List.of()), tokens::add, () -> false);
        assertEquals(20, result.tokensOut());
        assertEquals(20, tokens.size());
        assertEquals(StopReason.MAX_TOKENS, result.stopReason());
        assertEquals(21, result.promptTokens(), "BOS, the leading ▁ and 19 characters, as the C-API engine counts");
        String text = String.join("", tokens);
        assertTrue(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable ASCII expected: " + text);
    }

    @Test
    void sameSeedSameText() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        model.generate(request(15, 42, List.of()), a::append, () -> false);
        model.generate(request(15, 42, List.of()), b::append, () -> false);
        assertEquals(a.toString(), b.toString());
    }

    @Test
    void samplingParametersAreApplied() {
        StringBuilder greedy = new StringBuilder();
        model.generate(new GenerationRequest("hello", 15, 0.0, 1.0, 0, 0.0, 1.0, 5, List.of()), greedy::append,
                () -> false);
        StringBuilder topK1 = new StringBuilder();
        model.generate(new GenerationRequest("hello", 15, 2.0, 1.0, 1, 0.0, 1.0, 6, List.of()), topK1::append,
                () -> false);
        StringBuilder hot = new StringBuilder();
        model.generate(new GenerationRequest("hello", 15, 2.0, 1.0, 0, 0.0, 1.0, 6, List.of()), hot::append,
                () -> false);
        assertEquals(greedy.toString(), topK1.toString(), "top_k 1 keeps only the most likely token");
        assertTrue(!greedy.toString().equals(hot.toString()), "temperature 2 without top-k samples other tokens");
    }

    @Test
    void cancelStopsBeforeTheNextToken() {
        AtomicInteger seen = new AtomicInteger();
        GenerationResult result = model.generate(request(200, 1, List.of()), t -> seen.incrementAndGet(),
                () -> seen.get() >= 3);
        assertEquals(StopReason.CANCELLED, result.stopReason());
        assertEquals(3, result.tokensOut());
    }

    @Test
    void stopSequenceEndsGenerationWithoutEmittingIt() {
        StringBuilder first = new StringBuilder();
        model.generate(request(12, 3, List.of()), first::append, () -> false);
        String stop = first.substring(4, 6);
        StringBuilder text = new StringBuilder();
        GenerationResult result = model.generate(request(12, 3, List.of(stop)), text::append, () -> false);
        assertEquals(StopReason.STOP_SEQUENCE, result.stopReason());
        assertEquals(stop, result.stopSequenceMatched());
        assertEquals(first.substring(0, first.indexOf(stop)), text.toString());
    }

    @Test
    void aGpuRequestIsRefusedWhenTheLibraryCannotComputeThereNeverRunOnTheCpu() throws Exception {
        LlamaCppEngine engine = new LlamaCppEngine(System.err);
        org.junit.jupiter.api.Assumptions.assumeFalse(engine.backends().contains("cuda"), "this build has CUDA");
        Path file = DemoModels.ensureDemoTiny(dir);
        EngineException e = assertThrows(EngineException.class, () -> engine.load(new LoadRequest(file, 512, "cuda", 0,
                1, 1), (a, b, c) -> { }));
        assertEquals(EngineException.Kind.BACKEND, e.kind());
        assertTrue(e.getMessage().contains("never falls back to the CPU"), e.getMessage());
        assertTrue(engine.backends().contains("cpu"));
    }

    @Test
    void missingFileIsAClearError() {
        EngineException e = assertThrows(EngineException.class, () -> new LlamaCppEngine(System.err)
                .load(LoadRequest.cpu(dir.resolve("nope.gguf"), 512, 1), (a, b, c) -> { }));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void corruptFileIsAClearErrorNotACrash() throws Exception {
        Path bad = dir.resolve("bad.gguf");
        Files.writeString(bad, "GGUF but not really");
        EngineException e = assertThrows(EngineException.class, () -> new LlamaCppEngine(System.err)
                .load(LoadRequest.cpu(bad, 512, 1), (a, b, c) -> { }));
        assertTrue(e.getMessage().contains("GGUF"), e.getMessage());
    }
}
