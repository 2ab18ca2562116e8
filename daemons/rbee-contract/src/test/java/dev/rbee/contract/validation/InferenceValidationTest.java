package dev.rbee.contract.validation;

import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.SpawnWorkerRequest;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.worker.InferenceRequest;
import dev.rbee.contract.worker.Sampling;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InferenceValidationTest {
    private final Json json = new Json();

    @SuppressWarnings("unchecked")
    private static List<String> fields(RbeeException e) {
        return ((List<FieldError>) e.details().get("errors")).stream().map(FieldError::field).toList();
    }

    @Test
    void validRequestPassesAndDefaultsApply() {
        InferenceRequest r = json.read("{\"job_id\":\"job-7f3c9a\",\"prompt\":\"hi\"}", InferenceRequest.class);
        assertDoesNotThrow(() -> r.validate("llm-worker-rbee"));
        Sampling s = r.sampling();
        assertEquals(new Sampling(100, 0.7, 1.0, 0, 0.0, 1.0, null, List.of()), s);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        InferenceRequest r = new InferenceRequest("bad id!", "", 0, 3.5, 1.5, -1, 2.0, 0.0, -1L,
                List.of("a", "b", "c", "d", "e"));
        RbeeException e = assertThrows(RbeeException.class, () -> r.validate("llm-worker-rbee"));
        assertEquals("INVALID_REQUEST", e.code());
        assertEquals("llm-worker-rbee", e.details().get("component"));
        assertEquals(List.of("job_id", "prompt", "max_tokens", "temperature", "top_p", "top_k", "min_p",
                "repetition_penalty", "seed", "stop"), fields(e));
        assertEquals("10 invalid field(s)", e.getMessage());
    }

    @Test
    void missingRequiredFieldsAndBadStopItems() {
        InferenceRequest r = new InferenceRequest(null, null, null, null, null, null, null, null, null,
                Arrays.asList("", "x".repeat(101), null));
        RbeeException e = assertThrows(RbeeException.class, () -> r.validate("llm-worker-rbee"));
        assertEquals(List.of("job_id", "prompt", "stop[0]", "stop[1]", "stop[2]"), fields(e));
    }

    @Test
    void promptLimitIs32768Characters() {
        assertDoesNotThrow(() -> new InferenceRequest("j", "x".repeat(32_768), null, null, null, null, null, null,
                null, null).validate("w"));
        assertThrows(RbeeException.class, () -> new InferenceRequest("j", "x".repeat(32_769), null, null, null,
                null, null, null, null, null).validate("w"));
    }

    @Test
    void taskChecksPlacementAndThenTheModelRef() {
        TaskRequest bad = new TaskRequest("Bad", null, "quantum", -1, "p", null, null, null, null, null, null,
                null, null);
        RbeeException e = assertThrows(RbeeException.class, () -> bad.validate("queen-rbee"));
        assertEquals(List.of("node", "model", "backend", "device"), fields(e));

        TaskRequest deviceOnly = new TaskRequest(null, "demo:tiny", null, 1, "p", null, null, null, null, null,
                null, null, null);
        RbeeException requires = assertThrows(RbeeException.class, () -> deviceOnly.validate("queen-rbee"));
        assertEquals(List.of("device"), fields(requires));

        RbeeException ref = assertThrows(RbeeException.class,
                () -> TaskRequest.of("tinyllama", "p").validate("queen-rbee"));
        assertEquals("INVALID_MODEL_REF", ref.code());
        assertEquals("queen-rbee", ref.details().get("component"));
        assertDoesNotThrow(() -> TaskRequest.of("hf:org/repo", "p").validate("queen-rbee"));
    }

    @Test
    void taskBecomesTheWorkersRequestWithTheJobId() {
        TaskRequest task = new TaskRequest("workstation", "hf:a/b", "cuda", 1, "p", 20, 0.5, null, null, null, null,
                42L, List.of("\n"));
        InferenceRequest r = task.toInference("job-7f3c9a");
        assertEquals("job-7f3c9a", r.jobId());
        assertEquals(20, r.maxTokens());
        assertEquals(42L, r.seed());
        assertNull(r.topP());
        assertEquals("{\"job_id\":\"job-7f3c9a\",\"prompt\":\"p\",\"max_tokens\":20,\"temperature\":0.5,"
                + "\"seed\":42,\"stop\":[\"\\n\"]}", json.write(r));
    }

    @Test
    void spawnRequests() {
        assertDoesNotThrow(() -> SpawnValidation.validate(
                new SpawnWorkerRequest(null, "demo:tiny", "cpu", 0, 2), "queen-rbee"));
        RbeeException e = assertThrows(RbeeException.class, () -> SpawnValidation.validate(
                new SpawnWorkerRequest(null, "demo:tiny", null, 0, 17), "queen-rbee"));
        assertEquals(List.of("device", "slots"), fields(e));
        RbeeException hive = assertThrows(RbeeException.class, () -> SpawnValidation.validate(
                new HiveSpawnRequest("nope", null, null, null), "rbee-hive"));
        assertEquals("INVALID_MODEL_REF", hive.code());
    }
}
