package dev.rbee.contract.openai;

/** {@code {index, text, finish_reason}} of {@code /v1/completions}. */
public record CompletionChoice(int index, String text, String finishReason) {
}
