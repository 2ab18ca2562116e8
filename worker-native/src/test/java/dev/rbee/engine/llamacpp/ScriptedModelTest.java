package dev.rbee.engine.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.StopReason;
import dev.rbee.engine.gguf.ScriptedLlamaGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Models whose output is known in advance, through real llama.cpp: EOS, split UTF-8 characters, stop sequences. */
class ScriptedModelTest {
    /** "é€!" spelled as six byte-fallback tokens, so every character is split across tokens. */
    private static final List<String> SPLIT_UTF8 = List.of("<0xC3>", "<0xA9>", "<0xE2>", "<0x82>", "<0xAC>", "!");

    @TempDir
    Path dir;

    private LoadedModel load(List<String> script, boolean eos) throws Exception {
        Path file = dir.resolve("scripted.gguf");
        new ScriptedLlamaGenerator().write(script, eos, file);
        return new LlamaCppEngine(System.err).load(LoadRequest.cpu(file, 256, 1), (a, b, c) -> { });
    }

    private static GenerationRequest request(int maxTokens, double temperature, List<String> stop) {
        return new GenerationRequest("write a short story", maxTokens, temperature, 1.0, 0, 0.0, 1.0, 7, stop);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.7, 2.0})
    void eosEndsTheStreamAndMultiByteCharactersArriveWhole(double temperature) throws Exception {
        try (LoadedModel model = load(SPLIT_UTF8, true)) {
            List<String> pieces = new ArrayList<>();
            GenerationResult result = model.generate(request(50, temperature, List.of()), pieces::add, () -> false);
            assertEquals(StopReason.EOS, result.stopReason());
            assertEquals("é€!", String.join("", pieces));
            pieces.forEach(p -> assertEquals(p, new String(p.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.charset.StandardCharsets.UTF_8), "no broken UTF-8 in a piece"));
            assertNull(result.stopSequenceMatched());
        }
    }

    @Test
    void aScriptThatRepeatsRunsToMaxTokens() throws Exception {
        try (LoadedModel model = load(List.of("a", "b", "c"), false)) {
            StringBuilder text = new StringBuilder();
            GenerationResult result = model.generate(request(7, 0.7, List.of()), text::append, () -> false);
            assertEquals("abcabca", text.toString());
            assertEquals(StopReason.MAX_TOKENS, result.stopReason());
            assertEquals(7, result.tokensOut());
        }
    }

    @Test
    void aStopSequenceAcrossTokensIsMatchedAndNotEmitted() throws Exception {
        try (LoadedModel model = load(List.of("O", "n", "c", "e", "▁", "u", "p", "<0x0A>", "t", "i", "m"), true)) {
            StringBuilder text = new StringBuilder();
            GenerationResult result = model.generate(request(50, 0.7, List.of("\nti")), text::append, () -> false);
            assertEquals(StopReason.STOP_SEQUENCE, result.stopReason());
            assertEquals("\nti", result.stopSequenceMatched());
            assertEquals("Once up", text.toString());
        }
    }
}
