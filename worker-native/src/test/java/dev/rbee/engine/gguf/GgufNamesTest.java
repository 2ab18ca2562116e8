package dev.rbee.engine.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Type tables, file-type names, split names and the architecture list. */
class GgufNamesTest {

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void readerTableAgreesWithTheWriterTypes(GgmlType type) {
        GgmlTypeTraits traits = GgmlTypeTraits.of(type.id());
        assertEquals(type.name(), traits.name());
        assertEquals(type.rowBytes(256), traits.byteSize(256).orElseThrow());
        String fileType = switch (type) { // the K types stand for llama-quantize's medium mixes
            case Q4_K -> "Q4_K_M";
            case Q5_K -> "Q5_K_M";
            default -> type.name();
        };
        assertEquals(fileType, LlamaFileType.name(type.fileType()).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"Q4_K,12,256,144", "Q6_K,14,256,210", "Q2_K,10,256,84", "BF16,30,1,2", "Q5_1,7,32,24",
            "IQ4_XS,23,256,136", "MXFP4,39,32,17"})
    void knownTypeSizes(String name, int id, int blockSize, int bytes) {
        assertEquals(new GgmlTypeTraits(id, name, blockSize, bytes), GgmlTypeTraits.of(id));
    }

    @Test
    void unknownTypesKeepTheirIdAndHaveNoSize() {
        assertEquals("type77", GgmlTypeTraits.of(77).name());
        assertFalse(GgmlTypeTraits.of(41).sizeKnown());
        assertTrue(GgmlTypeTraits.of(41).byteSize(1000).isEmpty());
    }

    @Test
    void absurdElementCountsSaturateInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, GgmlTypeTraits.of(0).byteSize(Long.MAX_VALUE / 2).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"0,F32", "1,F16", "2,Q4_0", "7,Q8_0", "15,Q4_K_M", "17,Q5_K_M", "18,Q6_K", "21,Q2_K_S", "32,BF16",
            "1039,Q4_K_M"})
    void fileTypeNamesAreTheQuantizeToolsNames(long fileType, String name) {
        assertEquals(Optional.of(name), LlamaFileType.name(fileType));
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 999, -1})
    void unassignedFileTypesHaveNoName(long fileType) {
        assertTrue(LlamaFileType.name(fileType).isEmpty());
    }

    @Test
    void splitFileNamesAreRecognised() {
        assertEquals(Optional.of(new GgufSplitName(1, 3)), GgufSplitName.parse("Qwen2-72B-Q4_K_M-00001-of-00003.gguf"));
        assertEquals(Optional.of(new GgufSplitName(2, 2)), GgufSplitName.parse("model-00002-of-00002.GGUF"));
        assertTrue(GgufSplitName.parse("tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf").isEmpty());
        assertTrue(GgufSplitName.parse("model-00001-of-00001.gguf").isEmpty());
        assertTrue(GgufSplitName.parse("model-00004-of-00003.gguf").isEmpty());
        assertTrue(GgufSplitName.parse("model-00001-of-00003.gguf.partial").isEmpty());
    }

    @Test
    void architectureListIsSortedAndRefusesUnknownNames() {
        ArchitectureSupport support = ArchitectureSupport.llamaCpp();
        assertTrue(support.supports("llama") && support.supports("qwen2") && support.supports("phi3")
                && support.supports("gemma"));
        assertFalse(support.supports("mamba"));
        assertFalse(support.supports("unknown"));
        assertEquals(support.supported().stream().sorted().toList(), support.supported());
    }
}
