package dev.rbee.contract.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One choice of a stream chunk: chat chunks carry {@code delta}, completion chunks {@code text}.
 * {@code finish_reason} is written as {@code null} until the last chunk, as OpenAI does.
 */
public record ChunkChoice(
        int index,
        @JsonInclude(JsonInclude.Include.NON_NULL) Delta delta,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text,
        String finishReason) {

    public static ChunkChoice chat(String content, String finishReason) {
        return new ChunkChoice(0, content == null ? Delta.empty() : Delta.content(content), null, finishReason);
    }

    public static ChunkChoice text(String text, String finishReason) {
        return new ChunkChoice(0, null, text, finishReason);
    }
}
