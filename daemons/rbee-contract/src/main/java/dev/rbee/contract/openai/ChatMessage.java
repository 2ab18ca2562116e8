package dev.rbee.contract.openai;

/** {@code {role: system|user|assistant, content}}. */
public record ChatMessage(String role, String content) {
    public static final String SYSTEM = "system";
    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
}
