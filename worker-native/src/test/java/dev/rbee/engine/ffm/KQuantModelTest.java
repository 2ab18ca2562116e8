package dev.rbee.engine.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.StopReason;
import dev.rbee.engine.gguf.FixedTokenLlamaGenerator;
import dev.rbee.engine.gguf.GgmlType;
import dev.rbee.engine.gguf.GgufReader;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import dev.rbee.engine.llamacpp.LlamaCppEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The K-quant files the writer makes, loaded and run by real llama.cpp through both engines. */
class KQuantModelTest {
    @TempDir
    Path dir;

    private static GenerationRequest request(int maxTokens, double temperature) {
        return new GenerationRequest("write a short story", maxTokens, temperature, 1.0, 0, 0.0, 1.0, 7, List.of());
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_K", "Q5_K"})
    void randomKQuantModelsLoadAndGenerate(GgmlType type) throws Exception {
        Path file = dir.resolve(type + ".gguf");
        new RandomLlamaGenerator().write(new LlamaModelSpec("k", 256, 2, 4, 4, 512, 512, type, 3), file);
        assertEquals(type == GgmlType.Q4_K ? "Q4_K_M" : "Q5_K_M", new GgufReader().read(file).quantization());
        List<Long> bytes = new ArrayList<>();
        try (LoadedModel model = new FfmEngine().load(LoadRequest.cpu(file, 512, 1), (a, b, c) -> bytes.add(c))) {
            StringBuilder text = new StringBuilder();
            GenerationResult result = model.generate(request(5, 0.7), text::append, () -> false);
            assertEquals(StopReason.MAX_TOKENS, result.stopReason());
            assertEquals(5, result.tokensOut());
            assertTrue(text.toString().chars().allMatch(c -> c >= 0x20 && c < 0x7f), text.toString());
        }
        assertEquals(new GgufReader().read(file).tensorDataBytes(), bytes.getLast(), "final bytes_loaded");
        try (LoadedModel model = new LlamaCppEngine(System.err).load(LoadRequest.cpu(file, 512, 1), (a, b, c) -> { })) {
            assertEquals(5, model.generate(request(5, 0.7), t -> { }, () -> false).tokensOut());
        }
    }

    /** Greedy decoding picks token 7 at once; it ends the run only because the metadata names it EOS. */
    @Test
    void aFixedTokenModelEndsOnItsOwnEos() throws Exception {
        Path file = dir.resolve("eos7.gguf");
        new FixedTokenLlamaGenerator().write(4, 32_000, 7, GgmlType.Q4_K, file);
        assertEquals(7L, new GgufReader().read(file).eosTokenId().orElseThrow());
        try (LoadedModel model = new FfmEngine().load(LoadRequest.cpu(file, 512, 1), (a, b, c) -> { })) {
            StringBuilder text = new StringBuilder();
            GenerationResult result = model.generate(request(20, 0.0), text::append, () -> false);
            assertEquals(StopReason.EOS, result.stopReason());
            assertEquals(0, result.tokensOut());
            assertEquals("", text.toString());
        }
    }
}
