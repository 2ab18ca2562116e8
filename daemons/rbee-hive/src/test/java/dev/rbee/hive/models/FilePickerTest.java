package dev.rbee.hive.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.hive.models.hub.FilePicker;
import dev.rbee.hive.models.hub.HubFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilePickerTest {
    private static final List<HubFile> REPO = List.of(new HubFile("m.Q8_0.gguf", 12, null),
            new HubFile("m.Q4_0.gguf", 7, null), new HubFile("m.Q4_K_M.gguf", 8, null),
            new HubFile("m.Q2_K.gguf", 5, null), new HubFile("README.md", 1, null));

    private static String pick(String ref, List<HubFile> files) {
        return FilePicker.pick(ModelRef.parse(ref), files).name();
    }

    private static List<HubFile> without(String... names) {
        List<HubFile> files = new ArrayList<>(REPO);
        files.removeIf(f -> List.of(names).contains(f.name()));
        return files;
    }

    @Test
    void preferenceIsQ4KMThenQ40ThenQ80ThenTheSmallest() {
        assertEquals("m.Q4_K_M.gguf", pick("hf:org/repo", REPO));
        assertEquals("m.Q4_0.gguf", pick("hf:org/repo", without("m.Q4_K_M.gguf")));
        assertEquals("m.Q8_0.gguf", pick("hf:org/repo", without("m.Q4_K_M.gguf", "m.Q4_0.gguf")));
        assertEquals("m.Q2_K.gguf", pick("hf:org/repo", without("m.Q4_K_M.gguf", "m.Q4_0.gguf", "m.Q8_0.gguf")));
    }

    @Test
    void aLabelOrAnExactFileIsTakenAsGiven() {
        assertEquals("m.Q8_0.gguf", pick("hf:org/repo:Q8_0", REPO));
        assertEquals("m.Q8_0.gguf", pick("hf:org/repo:q8_0", REPO));
        assertEquals("m.Q2_K.gguf", pick("hf:org/repo:m.Q2_K.gguf", REPO));
    }

    @Test
    void nothingIsSubstituted() {
        RbeeException e = assertThrows(RbeeException.class, () -> pick("hf:org/repo:Q6_K", REPO));
        assertEquals("MODEL_NOT_FOUND", e.code());
        assertEquals(4, ((List<?>) e.details().get("available_files")).size());
        RbeeException none = assertThrows(RbeeException.class,
                () -> pick("hf:org/repo", List.of(new HubFile("model.safetensors", 1, null))));
        assertEquals("MODEL_INCOMPATIBLE", none.code());
        assertEquals("Repository org/repo contains no GGUF file", none.getMessage());
        RbeeException split = assertThrows(RbeeException.class, () -> pick("hf:org/repo",
                List.of(new HubFile("m-00001-of-00002.gguf", 1, null), new HubFile("m-00002-of-00002.gguf", 1, null))));
        assertEquals("MODEL_INCOMPATIBLE", split.code());
    }

    @Test
    void theLabelIsReadFromTheFileName() {
        assertEquals("Q4_K_M", FilePicker.quantizationOf("tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf").orElseThrow());
        assertEquals("Q5_K_M", FilePicker.quantizationOf("model-q5_k_m.gguf").orElseThrow());
        assertEquals("F16", FilePicker.quantizationOf("model.f16.gguf").orElseThrow());
        assertEquals(java.util.Optional.empty(), FilePicker.quantizationOf("model.gguf"));
    }
}
