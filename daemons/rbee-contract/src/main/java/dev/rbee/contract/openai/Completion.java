package dev.rbee.contract.openai;

import java.util.List;

/** Non-stream reply of {@code /v1/completions}: object {@code text_completion}. */
public record Completion(String id, String object, long created, String model, List<CompletionChoice> choices,
                         Usage usage) {
    public static final String OBJECT = "text_completion";
}
