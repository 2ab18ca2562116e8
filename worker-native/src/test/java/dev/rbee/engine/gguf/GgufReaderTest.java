package dev.rbee.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reader on files the writer produces: every fact the catalog and preflight take from a header. */
class GgufReaderTest {
    @TempDir
    Path dir;

    /** The K types need 256-wide rows; {@link #kQuantModelsNameTheirMixAndKeepTheOutputInQ6K} reads them back. */
    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "F16", "Q4_0", "Q8_0"})
    void modelFactsReadBackForEveryTensorType(GgmlType type) throws Exception {
        LlamaModelSpec spec = GgufFixtures.small(type);
        Path file = GgufFixtures.write(dir, type + ".gguf", spec);
        GgufInfo info = new GgufReader().read(file);

        assertEquals("llama", info.architecture());
        assertEquals(spec.parameterCount(), info.parameterCount());
        assertEquals(type.name(), info.quantization());
        assertEquals(type.name(), info.fileType().orElseThrow());
        assertEquals(type.name(), info.dominantTensorType().orElseThrow());
        assertEquals((long) ByteLevelVocab.SIZE, info.vocabSize().orElseThrow());
        assertEquals((long) ByteLevelVocab.BOS, info.bosTokenId().orElseThrow());
        assertEquals((long) ByteLevelVocab.EOS, info.eosTokenId().orElseThrow());
        assertEquals(256L, info.contextLength().orElseThrow());
        assertEquals(2, info.layers());
        assertEquals(Files.size(file), info.fileSizeBytes());
        assertFalse(info.isSplit());
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "F16", "Q4_0", "Q8_0"})
    void tensorDescriptorsMatchWhatWasWritten(GgmlType type) throws Exception {
        LlamaModelSpec spec = GgufFixtures.small(type);
        GgufInfo info = new GgufReader().read(GgufFixtures.write(dir, type + ".gguf", spec));

        assertEquals(3 + 9 * spec.layers(), info.tensorCount());
        GgufTensor embeddings = info.tensor("token_embd.weight").orElseThrow();
        assertEquals(List.of(64L, (long) ByteLevelVocab.SIZE), embeddings.dims());
        assertEquals(type.id(), embeddings.typeId());
        assertEquals(0, embeddings.offset());
        assertEquals(type.rowBytes(64) * ByteLevelVocab.SIZE, embeddings.byteSize().orElseThrow());
        GgufTensor norm = info.tensor("blk.1.ffn_norm.weight").orElseThrow();
        assertEquals("F32", norm.typeName());
        assertEquals(List.of(64L), norm.dims());
        assertEquals(List.of(128L, 64L), info.tensor("blk.0.ffn_down.weight").orElseThrow().dims());
        assertEquals(0, info.dataOffset() % GgufWriter.ALIGNMENT);
        assertTrue(info.dataOffset() + info.tensorDataBytes() <= info.fileSizeBytes());
    }

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q4_K", "Q5_K"})
    void kQuantModelsNameTheirMixAndKeepTheOutputInQ6K(GgmlType type) throws Exception {
        LlamaModelSpec spec = new LlamaModelSpec("k", 256, 2, 4, 2, 512, 256, type, 1);
        GgufInfo info = new GgufReader().read(GgufFixtures.write(dir, type + ".gguf", spec));
        assertEquals(type == GgmlType.Q4_K ? "Q4_K_M" : "Q5_K_M", info.quantization());
        assertEquals(type.name(), info.dominantTensorType().orElseThrow());
        assertEquals("Q6_K", info.tensor("output.weight").orElseThrow().typeName());
        assertEquals(spec.parameterCount(), info.parameterCount());
        GgufTensor down = info.tensor("blk.1.ffn_down.weight").orElseThrow();
        assertEquals(type.rowBytes(512) * 256, down.byteSize().orElseThrow());
        assertTrue(info.dataOffset() + info.tensorDataBytes() <= info.fileSizeBytes());
    }

    @Test
    void quantizationIgnoresTheF32NormsOfAQuantizedModel() throws Exception {
        GgufInfo info = new GgufReader().read(GgufFixtures.write(dir, "q4.gguf", GgufFixtures.small(GgmlType.Q4_0)));
        Map<String, Long> counts = info.tensorTypeCounts();
        assertEquals(1L + 2 * 2, counts.get("F32")); // output norm and two norms per layer
        assertEquals(2L + 7 * 2, counts.get("Q4_0"));
        assertEquals("Q4_0", info.dominantTensorType().orElseThrow());
    }

    @Test
    void withoutFileTypeTheDominantTensorTypeNamesTheQuantization() throws Exception {
        Path file = dir.resolve("nofiletype.gguf");
        new GgufWriter().putString("general.architecture", "llama")
                .addTensor("a.weight", GgmlType.Q8_0, new long[] {32, 4}, (r, row) -> { })
                .addTensor("b.weight", GgmlType.Q8_0, new long[] {32, 4}, (r, row) -> { })
                .addTensor("c.weight", GgmlType.F16, new long[] {32, 64}, (r, row) -> { })
                .addTensor("n.weight", GgmlType.F32, new long[] {32}, (r, row) -> { })
                .writeTo(file);
        GgufInfo info = new GgufReader().read(file);
        assertTrue(info.fileType().isEmpty());
        assertEquals("Q8_0", info.quantization());
        assertEquals(32 * 4 * 2 + 32 * 64 + 32, info.parameterCount());
    }

    @Test
    void vocabSizeFallsBackToTheTokenList() throws Exception {
        Path file = dir.resolve("tokens.gguf");
        new GgufWriter().putString("general.architecture", "qwen2")
                .putStringArray("tokenizer.ggml.tokens", List.of("a", "b", "c"))
                .writeTo(file);
        GgufInfo info = new GgufReader().read(file);
        assertEquals(3L, info.vocabSize().orElseThrow());
        assertEquals(0, info.tensorCount());
        assertEquals("unknown", info.quantization());
    }

    @Test
    void splitMetadataMarksAPartOfASplitModel() throws Exception {
        Path file = dir.resolve("model.gguf");
        new GgufWriter().putString("general.architecture", "llama").putUInt32("split.count", 3).writeTo(file);
        GgufInfo info = new GgufReader().read(file);
        assertTrue(info.isSplit());
        assertEquals(3, info.splitCount());
        assertTrue(ArchitectureSupport.llamaCpp().incompatibility(info).orElseThrow().contains("split into 3"));
    }

    @Test
    void mambaIsRefusedWithTheSupportedList() throws Exception {
        Path file = dir.resolve("mamba.gguf");
        new GgufWriter().putString("general.architecture", "mamba").writeTo(file);
        GgufInfo info = new GgufReader().read(file);
        String reason = ArchitectureSupport.llamaCpp().incompatibility(info).orElseThrow();
        assertTrue(reason.startsWith("architecture 'mamba' is not supported (supported: "), reason);
        assertTrue(reason.contains("llama, ") && reason.endsWith(")"), reason);
    }

    @Test
    void generatedModelsAreSupported() throws Exception {
        Path file = GgufFixtures.write(dir, "ok.gguf", GgufFixtures.small(GgmlType.F16));
        GgufInfo info = new GgufReader().read(file);
        assertTrue(ArchitectureSupport.llamaCpp().incompatibility(info, file).isEmpty());
        Path splitName = dir.resolve("model-00001-of-00002.gguf");
        Files.copy(file, splitName);
        assertTrue(ArchitectureSupport.llamaCpp().incompatibility(info, splitName).orElseThrow()
                .contains("split into 2"));
    }
}
