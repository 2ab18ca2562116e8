package dev.rbee.contract.openai;

/** {@code {index, message:{role:"assistant", content}, finish_reason}}. */
public record ChatChoice(int index, ChatMessage message, String finishReason) {
}
