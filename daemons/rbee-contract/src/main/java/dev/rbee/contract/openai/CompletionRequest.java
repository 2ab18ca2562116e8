package dev.rbee.contract.openai;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** {@code POST /v1/completions}: as chat, with {@code prompt} instead of {@code messages}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionRequest(
        String model,
        String prompt,
        Integer maxTokens,
        Integer maxCompletionTokens,
        Double temperature,
        Double topP,
        Long seed,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> stop,
        Boolean stream,
        Integer n) {

    public Integer effectiveMaxTokens() {
        return maxTokens != null ? maxTokens : maxCompletionTokens;
    }

    public boolean isStream() {
        return Boolean.TRUE.equals(stream);
    }
}
