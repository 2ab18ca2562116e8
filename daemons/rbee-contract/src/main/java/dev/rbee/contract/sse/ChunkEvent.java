package dev.rbee.contract.sse;

import dev.rbee.contract.openai.ChunkChoice;

import java.util.List;

/**
 * An OpenAI stream chunk that also carries {@code "type":"chunk"} (api.md §5.8), so OpenAI clients and rbee's
 * event parser both read the same line.
 */
public record ChunkEvent(String id, String object, long created, String model, List<ChunkChoice> choices)
        implements SseEvent {
    public static final String CHAT_OBJECT = "chat.completion.chunk";
    public static final String TEXT_OBJECT = "text_completion";

    @Override
    public String eventType() {
        return EventType.CHUNK;
    }
}
