package dev.rbee.contract;

import dev.rbee.contract.error.RbeeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRefTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF",
            "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:Q8_0",
            "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:q4_k_m",
            "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:tinyllama-1.1b-chat-v1.0.Q5_K_M.gguf",
            "hf:org/repo:sub/dir/model.gguf",
            "file:/srv/models/x.gguf",
            "file:///srv/models/x.gguf",
            "demo:tiny"})
    void acceptedForms(String ref) {
        assertTrue(ModelRef.isValid(ref), ref);
        assertEquals(ref, ModelRef.parse(ref).raw());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "tinyllama", "hf:", "hf:org", "hf:org/", "hf:/repo", "hf:org/repo/extra", "hf:-org/repo",
            "hf:org/repo:", "hf:org/repo:../x.gguf", "hf:org/repo:/abs.gguf", "hf:org/repo:a b.gguf",
            "hf:org/repo:Q4 K", "file:relative/x.gguf", "file://host/x.gguf", "file:", "file:/", "demo:huge",
            "demo:", "HF:org/repo", "https://huggingface.co/org/repo"})
    void rejectedForms(String ref) {
        assertFalse(ModelRef.isValid(ref), ref);
    }

    @Test
    void orgAndRepoAreLimitedTo96Characters() {
        String name96 = "a".repeat(96);
        assertTrue(ModelRef.isValid("hf:" + name96 + "/r"));
        assertFalse(ModelRef.isValid("hf:" + name96 + "a/r"));
    }

    @Test
    void invalidRefErrorHasTheExactMessageAndAcceptedForms() {
        RbeeException e = assertThrows(RbeeException.class, () -> ModelRef.parse("tinyllama"));
        assertEquals("INVALID_MODEL_REF", e.code());
        assertEquals(400, e.status());
        assertEquals("Invalid model reference 'tinyllama'", e.getMessage());
        assertEquals(Map.of("model_ref", "tinyllama", "accepted", List.of("hf:<org>/<repo>",
                "hf:<org>/<repo>:<file-or-quant>", "file:/abs/path/model.gguf", "demo:tiny")), e.details());
    }

    @Test
    void hfHelpers() {
        ModelRef plain = ModelRef.parse("hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF");
        assertEquals("hf", plain.provider());
        assertEquals("TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", plain.reference());
        assertEquals(Optional.empty(), plain.resolvedRef());
        assertEquals(Optional.empty(), plain.modelId());
        assertEquals("hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf",
                plain.resolvedRef("tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"));

        ModelRef quant = ModelRef.parse("hf:org/repo:Q8_0");
        assertEquals(Optional.of("Q8_0"), quant.quantization());
        assertFalse(quant.hasExactFile());

        ModelRef exact = ModelRef.parse("hf:org/repo:model.Q5_K_M.gguf");
        assertTrue(exact.hasExactFile());
        assertEquals(Optional.of("hf:org/repo:model.Q5_K_M.gguf"), exact.resolvedRef());
        assertEquals(Optional.of("model.Q5_K_M"), exact.modelId());
    }

    @Test
    void fileAndDemoHelpers() {
        ModelRef file = ModelRef.parse("file:///srv/models/x.gguf");
        assertEquals("file", file.provider());
        assertEquals("/srv/models/x.gguf", file.path());
        assertEquals(Optional.of("file:///srv/models/x.gguf"), file.resolvedRef());
        assertEquals(Optional.of("x"), file.modelId());

        ModelRef demo = ModelRef.parse("demo:tiny");
        assertEquals("demo", demo.provider());
        assertEquals(Optional.of("demo-tiny"), demo.modelId());
        assertEquals("demo:tiny", demo.resolvedRef("ignored"));
    }

    @Test
    void modelIdsAndSplitFiles() {
        assertEquals("tinyllama-1.1b-chat-v1.0.Q4_K_M", ModelRef.modelId("tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf"));
        assertEquals("m", ModelRef.modelId("sub/m.gguf"));
        assertTrue(ModelRef.isSplitFile("llama-70b.Q4_K_M-00001-of-00003.gguf"));
        assertFalse(ModelRef.isSplitFile("llama.Q4_K_M.gguf"));
    }
}
