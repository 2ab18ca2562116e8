package dev.rbee.engine.llamacpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.gguf.GgmlType;
import dev.rbee.engine.gguf.LlamaModelSpec;
import dev.rbee.engine.gguf.RandomLlamaGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** llama.cpp accepts the synthetic 32000-token SentencePiece vocabulary: it tokenizes a prompt and generates. */
class SentencePieceModelTest {
    @TempDir
    Path dir;

    @Test
    void modelWithA32000TokenVocabularyLoadsAndGenerates() throws Exception {
        Path file = dir.resolve("vocab32k.gguf");
        new RandomLlamaGenerator().write(
                new LlamaModelSpec("vocab32k", 64, 2, 4, 2, 128, 512, GgmlType.Q8_0, 5, 32_000), file);
        List<int[]> progress = new ArrayList<>();
        try (LoadedModel model = new LlamaCppEngine(System.err).load(LoadRequest.cpu(file, 256, 1),
                (loaded, total, bytes) -> progress.add(new int[] {loaded, total}))) {
            List<String> tokens = new ArrayList<>();
            GenerationResult result = model.generate(new GenerationRequest("the quick brown fox is testing", 8, 0.7,
                    1.0, 0, 0.0, 1.0, 9, List.of()), tokens::add, () -> false);
            assertEquals(8, result.tokensOut());
            assertTrue(String.join("", tokens).chars().noneMatch(c -> c < 0x20), "printable text: " + tokens);
        }
        assertEquals(2, progress.getLast()[1]);
    }
}
