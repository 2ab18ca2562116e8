package dev.rbee.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentencePieceVocabTest {
    private static final SentencePieceVocab VOCAB = new SentencePieceVocab(32_000);

    @TempDir
    Path dir;

    @Test
    void hasExactlyTheRequestedNumberOfUniqueTokens() {
        List<String> tokens = VOCAB.tokens();
        assertEquals(32_000, tokens.size());
        assertEquals(32_000, new HashSet<>(tokens).size());
        assertEquals(32_000, VOCAB.scoreArray().length);
        assertEquals(32_000, VOCAB.typeArray().length);
    }

    @Test
    void startsWithTheSmallVocabularySoSpecialAndByteIdsAgree() {
        ByteLevelVocab small = new ByteLevelVocab();
        assertEquals(small.tokens(), VOCAB.tokens().subList(0, ByteLevelVocab.SIZE));
        assertEquals("<s>", VOCAB.tokens().get(ByteLevelVocab.BOS));
        assertEquals("</s>", VOCAB.tokens().get(ByteLevelVocab.EOS));
        assertEquals("<0x41>", VOCAB.tokens().get(ByteLevelVocab.FIRST_BYTE_TOKEN + 0x41));
        assertEquals(ByteLevelVocab.TYPE_BYTE, VOCAB.typeArray()[ByteLevelVocab.FIRST_BYTE_TOKEN]);
        assertEquals(ByteLevelVocab.TYPE_NORMAL, VOCAB.typeArray()[31_999]);
    }

    @Test
    void commonPiecesComeFirstAndEveryPieceCanBeBuiltByMerging() {
        List<String> tokens = VOCAB.tokens();
        assertEquals("▁t", tokens.get(ByteLevelVocab.SIZE));
        assertTrue(tokens.indexOf("▁the") < 500 && tokens.indexOf("ing") < 500);
        Set<String> known = new HashSet<>();
        for (String t : tokens.subList(ByteLevelVocab.FIRST_NORMAL_TOKEN, tokens.size())) {
            if (t.length() > 1) {
                assertTrue(known.contains(t.substring(0, t.length() - 1)), "prefix of " + t + " comes later");
            }
            known.add(t);
        }
    }

    @Test
    void scoresFallWithOrderLikeSentencePieceLogProbabilities() {
        float[] scores = VOCAB.scoreArray();
        assertEquals(0f, scores[ByteLevelVocab.BOS]);
        for (int i = ByteLevelVocab.SIZE + 1; i < scores.length; i++) {
            assertTrue(scores[i] < scores[i - 1], "score " + i);
        }
        assertTrue(scores[ByteLevelVocab.FIRST_NORMAL_TOKEN] < scores[scores.length - 1]);
    }

    @Test
    void sizeChoosesTheVocabulary() {
        assertInstanceOf(ByteLevelVocab.class, LlamaVocab.ofSize(ByteLevelVocab.SIZE));
        assertInstanceOf(SentencePieceVocab.class, LlamaVocab.ofSize(ByteLevelVocab.SIZE + 1));
        assertThrows(IllegalArgumentException.class, () -> new SentencePieceVocab(100));
        assertThrows(IllegalArgumentException.class, () -> new LlamaModelSpec("x", 64, 1, 4, 4, 64, 64,
                GgmlType.F32, 1, 300));
    }

    @Test
    void midSizeModelWithA32000TokenVocabularyReadsBack() throws Exception {
        LlamaModelSpec spec = new LlamaModelSpec("mid", 128, 2, 4, 2, 256, 1024, GgmlType.Q4_0, 3, 32_000);
        Path file = GgufFixtures.write(dir, "mid.gguf", spec);
        GgufInfo info = new GgufReader().read(file);
        assertEquals(32_000L, info.vocabSize().orElseThrow());
        assertEquals(32_000L, ((GgufArray) info.metadata().get("tokenizer.ggml.tokens")).length());
        assertEquals(spec.parameterCount(), info.parameterCount());
        assertEquals("Q4_0", info.quantization());
        assertEquals(List.of(128L, 32_000L), info.tensor("output.weight").orElseThrow().dims());
    }

    @Test
    void tinyLlamaShapeHasTheRealModelsSize() {
        LlamaModelSpec spec = LlamaModelSpec.tinyLlamaShape(GgmlType.Q4_0);
        assertEquals(1_100_048_384L, spec.parameterCount());
        assertEquals(256, spec.kvEmbedding());
        assertEquals(32_000, spec.vocabSize());
    }

    /** demo:tiny is cached on disk and compared by other code: its bytes must not drift with writer changes. */
    @Test
    void demoTinyIsByteForByteUnchanged() throws Exception {
        Path file = GgufFixtures.write(dir, "demo.gguf", LlamaModelSpec.demoTiny());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        assertEquals("7f50253dca0a77c5fc1dacdf939fcc9ba56c04cdda9af1ae03c1e5e25c92d771",
                HexFormat.of().formatHex(digest));
    }

    @Test
    void smallVocabularyKeepsAllScoresZero() {
        assertArrayEquals(new float[ByteLevelVocab.SIZE], new ByteLevelVocab().scoreArray());
    }
}
