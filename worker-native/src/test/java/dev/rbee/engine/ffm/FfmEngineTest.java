package dev.rbee.engine.ffm;

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
import dev.rbee.engine.gguf.GgmlType;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import dev.rbee.engine.gguf.ScriptedLlamaGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C-API engine through real llama.cpp: every token seen, loading progress per layer, the spec's sampler chain. */
class FfmEngineTest {
    @TempDir
    Path dir;

    private static GenerationRequest request(int maxTokens, double temperature, long seed, List<String> stop) {
        return new GenerationRequest("write a short story", maxTokens, temperature, 1.0, 0, 0.0, 1.0, seed, stop);
    }

    private LoadedModel load(Path file, int slots) {
        return new FfmEngine().load(LoadRequest.cpu(file, 512, slots), (a, b, c) -> { });
    }

    @Test
    void generatesMaxTokensOfPrintableTextAndTheSameSeedGivesTheSameText() throws Exception {
        try (LoadedModel model = load(DemoModels.ensureDemoTiny(dir), 1)) {
            List<String> first = new ArrayList<>();
            GenerationResult result = model.generate(request(20, 0.7, 42, List.of()), first::add, () -> false);
            assertEquals(StopReason.MAX_TOKENS, result.stopReason());
            assertEquals(20, result.tokensOut());
            assertEquals(20, first.size());
            assertTrue(result.firstTokenNanos() > 0 && result.firstTokenNanos() <= result.decodeNanos(),
                    "time to first token includes the prompt and lies within the whole generation");
            String text = String.join("", first);
            assertTrue(text.chars().allMatch(c -> c >= 0x20 && c < 0x7f), text);
            StringBuilder again = new StringBuilder();
            model.generate(request(20, 0.7, 42, List.of()), again::append, () -> false);
            assertEquals(text, again.toString());
            StringBuilder other = new StringBuilder();
            model.generate(request(20, 0.7, 43, List.of()), other::append, () -> false);
            assertTrue(!text.equals(other.toString()), "another seed, another text");
        }
    }

    /** Byte-level vocab: one token per character plus BOS; a context of 0 is the model's own (demo: 2048). */
    @Test
    void generationStopsWhenTheContextIsFull() throws Exception {
        try (LoadedModel model = new FfmEngine().load(LoadRequest.cpu(DemoModels.ensureDemoTiny(dir), 0, 1),
                (a, b, c) -> { })) {
            GenerationResult result = model.generate(request(1_000_000, 0.7, 5, List.of()), t -> { },
                    () -> false);
            assertEquals(StopReason.MAX_TOKENS, result.stopReason());
            assertEquals(21, result.promptTokens(), "BOS, the leading ▁ and 19 characters");
            assertEquals(2048, result.tokensOut() + result.promptTokens());
        }
    }

    @Test
    void everyTokenIsSeenEvenWhileACharacterIsIncomplete() throws Exception {
        Path file = dir.resolve("utf8.gguf");
        new ScriptedLlamaGenerator().write(List.of("<0xC3>", "<0xA9>", "<0xE2>", "<0x82>", "<0xAC>", "!"), true, file);
        try (LoadedModel model = load(file, 1)) {
            List<String> pieces = new ArrayList<>();
            GenerationResult result = model.generate(request(50, 0.7, 1, List.of()), pieces::add, () -> false);
            assertEquals(StopReason.EOS, result.stopReason());
            assertEquals(6, result.tokensOut());
            assertEquals(List.of("", "é", "", "", "€", "!"), pieces);
        }
    }

    @Test
    void maxTokensIsExactEvenWhenItCutsACharacter() throws Exception {
        Path file = dir.resolve("utf8.gguf");
        new ScriptedLlamaGenerator().write(List.of("<0xC3>", "<0xA9>", "<0xE2>", "<0x82>", "<0xAC>", "!"), true, file);
        try (LoadedModel model = load(file, 1)) {
            List<String> pieces = new ArrayList<>();
            GenerationResult result = model.generate(request(4, 0.7, 1, List.of()), pieces::add, () -> false);
            assertEquals(StopReason.MAX_TOKENS, result.stopReason());
            assertEquals(4, result.tokensOut());
            assertEquals("é\uFFFD", String.join("", pieces), "the cut character is flushed as a replacement");
        }
    }

    @Test
    void stopSequenceAndCancel() throws Exception {
        Path file = dir.resolve("once.gguf");
        new ScriptedLlamaGenerator().write(List.of("O", "n", "c", "e", "▁", "u", "p", "<0x0A>", "t", "i", "m"), false,
                file);
        try (LoadedModel model = load(file, 2)) {
            StringBuilder text = new StringBuilder();
            GenerationResult stopped = model.generate(request(50, 0.7, 1, List.of("\nti")), text::append, () -> false);
            assertEquals(StopReason.STOP_SEQUENCE, stopped.stopReason());
            assertEquals("Once up", text.toString());
            AtomicInteger seen = new AtomicInteger();
            GenerationResult cancelled = model.generate(request(500, 0.7, 1, List.of()), t -> seen.incrementAndGet(),
                    () -> seen.get() >= 3);
            assertEquals(StopReason.CANCELLED, cancelled.stopReason());
            assertEquals(3, cancelled.tokensOut());
        }
    }

    @Test
    void loadingReportsLayersAsLlamaCppReadsThem() throws Exception {
        Path file = dir.resolve("layers.gguf");
        new RandomLlamaGenerator().write(new LlamaModelSpec("t", 64, 24, 4, 4, 128, 512, GgmlType.F32, 1), file);
        List<Integer> layers = new ArrayList<>();
        try (LoadedModel model = new FfmEngine().load(LoadRequest.cpu(file, 256, 1),
                (loaded, total, bytes) -> layers.add(loaded))) {
            assertEquals(0, layers.getFirst());
            assertEquals(24, layers.getLast());
            assertTrue(layers.size() > 3, "intermediate layers reported: " + layers);
            for (int i = 1; i < layers.size(); i++) {
                assertTrue(layers.get(i) > layers.get(i - 1), "layers only grow: " + layers);
            }
        }
    }

    @Test
    void gpuRequestsAndBadFilesAreClearErrors() throws Exception {
        FfmEngine engine = new FfmEngine();
        Path file = DemoModels.ensureDemoTiny(dir);
        assertEquals(EngineException.Kind.BACKEND, assertThrows(EngineException.class,
                () -> engine.load(new LoadRequest(file, 512, "cuda", 0, 1, 1), (a, b, c) -> { })).kind());
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.gguf"), "not a model");
        assertEquals(EngineException.Kind.MODEL, assertThrows(EngineException.class,
                () -> engine.load(LoadRequest.cpu(bad, 512, 1), (a, b, c) -> { })).kind());
    }

    /** llama.cpp would only say it could not load the file; the header check says why. */
    @Test
    void anUnsupportedArchitectureIsRefusedWithTheReason() throws Exception {
        Path mamba = dir.resolve("mamba model.gguf");
        new dev.rbee.engine.gguf.GgufWriter().putString("general.architecture", "notallama").writeTo(mamba);
        EngineException refused = assertThrows(EngineException.class,
                () -> new FfmEngine().load(LoadRequest.cpu(mamba, 512, 1), (a, b, c) -> { }));
        assertEquals(EngineException.Kind.MODEL, refused.kind());
        assertTrue(refused.getMessage().startsWith("architecture 'notallama' is not supported"),
                refused::getMessage);
    }
}
