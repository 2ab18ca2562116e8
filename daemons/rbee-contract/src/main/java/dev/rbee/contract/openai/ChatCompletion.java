package dev.rbee.contract.openai;

import java.util.List;

/** Non-stream chat reply; {@code id} is {@code chatcmpl-<job_id>}. */
public record ChatCompletion(String id, String object, long created, String model, List<ChatChoice> choices,
                             Usage usage) {
    public static final String OBJECT = "chat.completion";
    public static final String ID_PREFIX = "chatcmpl-";
}
