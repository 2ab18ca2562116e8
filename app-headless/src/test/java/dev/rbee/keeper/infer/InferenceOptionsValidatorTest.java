package dev.rbee.keeper.infer;

import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.TaskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InferenceOptionsValidatorTest {
    private static final String MODEL = "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF";

    /** Options with one field changed, by flag name. */
    private static InferenceOptions with(String flag, String value) {
        String[] v = {null, MODEL, "write a short story", null, null, null, null, null, null, null, null, null};
        List<String> flags = List.of("--node", "--model", "--prompt", "--max-tokens", "--temperature", "--top-p",
                "--top-k", "--min-p", "--repetition-penalty", "--seed", "--backend", "--device");
        v[flags.indexOf(flag)] = value;
        return new InferenceOptions(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], List.of(), v[10],
                v[11]);
    }

    private static List<String> problems(InferenceOptions options) {
        RbeeException e = assertThrows(RbeeException.class, () -> InferenceOptionsValidator.validate(options));
        assertEquals("INVALID_REQUEST", e.code());
        assertEquals("Invalid inference options", e.getMessage());
        assertEquals("rbee-keeper", e.component().orElseThrow());
        return ((List<?>) e.details().get("errors")).stream()
                .map(FieldError.class::cast).map(f -> f.field() + ": " + f.message()).toList();
    }

    @Test
    void defaultsOfKeeperAreSentAndOthersLeftToTheServer() {
        TaskRequest request = InferenceOptionsValidator.validate(InferenceOptions.of("demo:tiny", "hi"));
        assertEquals("localhost", request.node());
        assertEquals(20, request.maxTokens());
        assertEquals(0.7, request.temperature());
        assertNull(request.topP());
        assertNull(request.backend());
        assertNull(request.device());
        assertNull(request.stop());
    }

    @Test
    void everyOptionIsCarriedIntoTheRequest() {
        InferenceOptions options = new InferenceOptions("workstation", MODEL, "p", "5", "0", "0.9", "40", "0.05",
                "1.1", "9223372036854775807", List.of("\n\n"), "cuda", "1");
        TaskRequest r = InferenceOptionsValidator.validate(options);
        assertEquals(new TaskRequest("workstation", MODEL, "cuda", 1, "p", 5, 0.0, 0.9, 40, 0.05, 1.1,
                Long.MAX_VALUE, List.of("\n\n")), r);
    }

    @Test
    void missingModelIsAUsageErrorWithTheDemoHint() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> InferenceOptionsValidator.validate(with("--model", null)));
        assertEquals("USAGE_ERROR", e.code());
        assertEquals("Missing --model", e.getMessage());
        assertEquals("--model", e.details().get("missing"));
    }

    @Test
    void badModelAloneIsInvalidModelRef() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> InferenceOptionsValidator.validate(with("--model", "invalid-format")));
        assertEquals("INVALID_MODEL_REF", e.code());
        assertEquals("Invalid model reference 'invalid-format'", e.getMessage());
        assertEquals("rbee-keeper", e.component().orElseThrow());
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        InferenceOptions options = new InferenceOptions("Bad Node", "invalid-format", null, "0", "3.5", "1.5",
                "-1", "2", "0", "-1", List.of("a", "b", "c", "d", ""), "quantum", "-2");
        assertEquals(List.of(
                "--model: invalid model reference 'invalid-format'",
                "--node: must be a node name matching [a-z0-9][a-z0-9-]{0,62} (got 'Bad Node')",
                "--prompt: is required (use --prompt - to read it from stdin)",
                "--max-tokens: must be between 1 and 1000000 (got 0)",
                "--temperature: must be between 0.0 and 2.0 (got 3.5)",
                "--top-p: must be between 0.0 and 1.0 (got 1.5)",
                "--top-k: must be between 0 and 1000000 (got -1)",
                "--min-p: must be between 0.0 and 1.0 (got 2)",
                "--repetition-penalty: must be greater than 0.0 and at most 2.0 (got 0)",
                "--seed: must be at least 0 (got -1)",
                "--stop: at most 4 allowed (got 5)",
                "--stop: each must be between 1 and 100 characters (got 0)",
                "--backend: must be one of cpu, cuda, metal (got 'quantum')",
                "--device: must be at least 0 (got -2)"), problems(options));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--max-tokens|1000001|--max-tokens: must be between 1 and 1000000 (got 1000001)",
            "--max-tokens|ten|--max-tokens: must be an integer (got 'ten')",
            "--max-tokens|2.5|--max-tokens: must be an integer (got '2.5')",
            "--temperature|-0.1|--temperature: must be between 0.0 and 2.0 (got -0.1)",
            "--temperature|hot|--temperature: must be a number (got 'hot')",
            "--top-p|-1|--top-p: must be between 0.0 and 1.0 (got -1)",
            "--top-k|1000001|--top-k: must be between 0 and 1000000 (got 1000001)",
            "--min-p|1.01|--min-p: must be between 0.0 and 1.0 (got 1.01)",
            "--repetition-penalty|2.5|--repetition-penalty: must be greater than 0.0 and at most 2.0 (got 2.5)",
            "--seed|9223372036854775808|--seed: must be at least 0 (got 9223372036854775808)",
            "--backend|quantum|--backend: must be one of cpu, cuda, metal (got 'quantum')",
            "--node|-x|--node: must be a node name matching [a-z0-9][a-z0-9-]{0,62} (got '-x')",
            "--prompt|''|--prompt: must be between 1 and 32768 characters (got 0)"})
    void eachRuleHasItsMessage(String flag, String value, String expected) {
        assertEquals(List.of(expected), problems(with(flag, value)));
    }

    @Test
    void deviceNeedsABackend() {
        assertEquals(List.of("--device: needs --backend"), problems(with("--device", "0")));
    }

    @Test
    void promptLongerThan32768CharactersIsRefused() {
        assertEquals(List.of("--prompt: must be between 1 and 32768 characters (got 32769)"),
                problems(with("--prompt", "x".repeat(32_769))));
        InferenceOptionsValidator.validate(with("--prompt", "x".repeat(32_768)));
    }

    @Test
    void stopSequencesLongerThan100AreRefused() {
        InferenceOptions options = new InferenceOptions(null, MODEL, "p", null, null, null, null, null, null, null,
                List.of("y".repeat(101)), null, null);
        assertEquals(List.of("--stop: each must be between 1 and 100 characters (got 101)"), problems(options));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo:tiny", "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF:Q4_K_M", "file:/srv/m.gguf",
            "hf:org/repo:model.Q5_K_M.gguf"})
    void acceptedModelReferences(String model) {
        assertEquals(model, InferenceOptionsValidator.validate(with("--model", model)).model());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "cuda", "metal"})
    void backendsWithDevice(String backend) {
        InferenceOptions options = new InferenceOptions(null, MODEL, "p", null, null, null, null, null, null, null,
                List.of(), backend, "0");
        assertEquals(backend, InferenceOptionsValidator.validate(options).backend());
    }
}
