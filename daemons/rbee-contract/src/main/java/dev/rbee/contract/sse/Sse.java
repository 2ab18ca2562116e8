package dev.rbee.contract.sse;

import dev.rbee.contract.json.Json;

/** Wire framing of rbee's SSE (api.md §4): one {@code data:} line per event, no {@code event:}/{@code id:} lines. */
public final class Sse {
    public static final String CONTENT_TYPE = "text/event-stream";
    public static final String DONE = "[DONE]";
    public static final String DONE_FRAME = "data: " + DONE + "\n\n";
    public static final String KEEP_ALIVE = ": keep-alive\n\n";
    /** Idle time after which a server writes {@link #KEEP_ALIVE}; 1 s while a job is generating. */
    public static final long KEEP_ALIVE_IDLE_MS = 10_000;
    public static final long KEEP_ALIVE_GENERATING_MS = 1_000;

    private Sse() {
    }

    /** {@code data: <json>\n\n}; the JSON must be one line, which Jackson's compact output always is. */
    public static String frame(String json) {
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("An SSE data payload must be a single line");
        }
        return "data: " + json + "\n\n";
    }

    public static String frame(Json json, SseEvent event) {
        return frame(json.write(event));
    }

    /** True for {@code text/event-stream}, with or without parameters such as a charset. */
    public static boolean isEventStream(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.trim().equalsIgnoreCase(CONTENT_TYPE);
    }
}
