package dev.rbee.contract.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rbee.contract.validation.InferenceValidation;

import java.util.List;

/**
 * {@code POST /v1/inference} (api.md §7.2). Optional fields are boxed so "absent" stays visible; the worker applies
 * the defaults through {@link #sampling()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceRequest(
        String jobId,
        String prompt,
        Integer maxTokens,
        Double temperature,
        Double topP,
        Integer topK,
        Double minP,
        Double repetitionPenalty,
        Long seed,
        List<String> stop) {

    /** Throws 400 INVALID_REQUEST listing every failing field; returns this for chaining. */
    public InferenceRequest validate(String component) {
        InferenceValidation.validateInference(this, component);
        return this;
    }

    /** The sampling fields with defaults applied; {@code seed} stays null when the worker must draw one. */
    public Sampling sampling() {
        return Sampling.withDefaults(maxTokens, temperature, topP, topK, minP, repetitionPenalty, seed, stop);
    }
}
