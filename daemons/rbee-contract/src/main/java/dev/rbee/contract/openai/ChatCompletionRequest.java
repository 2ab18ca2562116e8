package dev.rbee.contract.openai;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code POST /v1/chat/completions} (api.md §5.8). {@code stop} accepts a string or an array and is written as an
 * array. Defaults and ranges are those of {@code /v2/tasks}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        String model,
        List<ChatMessage> messages,
        Integer maxTokens,
        Integer maxCompletionTokens,
        Double temperature,
        Double topP,
        Long seed,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> stop,
        Boolean stream,
        Integer n) {

    /** {@code max_tokens}, else {@code max_completion_tokens}; null when neither is given. */
    public Integer effectiveMaxTokens() {
        return maxTokens != null ? maxTokens : maxCompletionTokens;
    }

    public boolean isStream() {
        return Boolean.TRUE.equals(stream);
    }
}
