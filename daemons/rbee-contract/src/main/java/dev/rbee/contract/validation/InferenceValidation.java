package dev.rbee.contract.validation;

import dev.rbee.contract.Backends;
import dev.rbee.contract.Ids;
import dev.rbee.contract.ModelRef;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.worker.InferenceRequest;

import java.util.List;

/** Field rules of {@code POST /v2/tasks} (api.md §5.6) and {@code POST /v1/inference} (§7.2), in one place. */
public final class InferenceValidation {
    public static final int PROMPT_MAX_CHARS = 32_768;
    public static final int MAX_TOKENS_LIMIT = 1_000_000;
    public static final int TOP_K_LIMIT = 1_000_000;
    public static final int STOP_MAX_ITEMS = 4;
    public static final int STOP_MAX_CHARS = 100;
    public static final int JOB_ID_MAX_CHARS = 64;

    private InferenceValidation() {
    }

    /** Throws 400 INVALID_REQUEST listing all field errors. */
    public static void validateInference(InferenceRequest request, String component) {
        Validator v = new Validator();
        if (v.required("job_id", request.jobId()) && v.length("job_id", request.jobId(), 1, JOB_ID_MAX_CHARS)) {
            v.pattern("job_id", request.jobId(), Ids.CLIENT_JOB_ID);
        }
        checkSampling(v, request.prompt(), request.maxTokens(), request.temperature(), request.topP(),
                request.topK(), request.minP(), request.repetitionPenalty(), request.seed(), request.stop());
        v.throwIfInvalid(component);
    }

    /**
     * Throws 400 INVALID_REQUEST listing all field errors; when the fields are fine but {@code model} is not a
     * model ref, throws 400 INVALID_MODEL_REF.
     */
    public static void validateTask(TaskRequest request, String component) {
        Validator v = new Validator();
        v.pattern("node", request.node(), Ids.NODE_NAME);
        v.required("model", request.model());
        checkPlacement(v, request.backend(), request.device());
        checkSampling(v, request.prompt(), request.maxTokens(), request.temperature(), request.topP(),
                request.topK(), request.minP(), request.repetitionPenalty(), request.seed(), request.stop());
        v.throwIfInvalid(component);
        ModelRef.tryParse(request.model())
                .orElseThrow(() -> ModelRef.invalid(request.model()).withComponentIfAbsent(component));
    }

    /** {@code backend} one of cpu|cuda|metal; {@code device} ≥ 0 and only together with {@code backend}. */
    public static void checkPlacement(Validator v, String backend, Integer device) {
        v.oneOf("backend", backend, Backends.ALL);
        v.range("device", device, 0, Integer.MAX_VALUE);
        v.requires("device", device, "backend", backend);
    }

    static void checkSampling(Validator v, String prompt, Integer maxTokens, Double temperature, Double topP,
                              Integer topK, Double minP, Double repetitionPenalty, Long seed, List<String> stop) {
        if (v.required("prompt", prompt)) {
            v.length("prompt", prompt, 1, PROMPT_MAX_CHARS);
        }
        v.range("max_tokens", maxTokens, 1, MAX_TOKENS_LIMIT);
        v.range("temperature", temperature, 0.0, 2.0);
        v.range("top_p", topP, 0.0, 1.0);
        v.range("top_k", topK, 0, TOP_K_LIMIT);
        v.range("min_p", minP, 0.0, 1.0);
        v.rangeExcludingMin("repetition_penalty", repetitionPenalty, 0.0, 2.0);
        v.range("seed", seed, 0, Long.MAX_VALUE);
        checkStop(v, stop);
    }

    private static void checkStop(Validator v, List<String> stop) {
        if (stop == null || !v.maxItems("stop", stop, STOP_MAX_ITEMS)) {
            return;
        }
        for (int i = 0; i < stop.size(); i++) {
            String field = "stop[" + i + "]";
            if (v.required(field, stop.get(i))) {
                v.length(field, stop.get(i), 1, STOP_MAX_CHARS);
            }
        }
    }
}
