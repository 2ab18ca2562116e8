package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rbee.contract.validation.InferenceValidation;
import dev.rbee.contract.worker.InferenceRequest;

import java.util.List;

/** {@code POST /v2/tasks} (api.md §5.6): the worker's sampling fields plus where and what to run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRequest(
        String node,
        String model,
        String backend,
        Integer device,
        String prompt,
        Integer maxTokens,
        Double temperature,
        Double topP,
        Integer topK,
        Double minP,
        Double repetitionPenalty,
        Long seed,
        List<String> stop) {

    /** Minimal request: model and prompt, everything else defaulted by the server. */
    public static TaskRequest of(String model, String prompt) {
        return new TaskRequest(null, model, null, null, prompt, null, null, null, null, null, null, null, null);
    }

    /** Throws 400 INVALID_REQUEST (all field errors at once) or INVALID_MODEL_REF; returns this. */
    public TaskRequest validate(String component) {
        InferenceValidation.validateTask(this, component);
        return this;
    }

    /** What queen sends to the worker (step 5 of §5.6): the sampling fields unchanged plus the job id. */
    public InferenceRequest toInference(String jobId) {
        return new InferenceRequest(jobId, prompt, maxTokens, temperature, topP, topK, minP, repetitionPenalty, seed,
                stop);
    }

    public String nodeOrDefault() {
        return node == null ? Node.LOCALHOST : node;
    }
}
