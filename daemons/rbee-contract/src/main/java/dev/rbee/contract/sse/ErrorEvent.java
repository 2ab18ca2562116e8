package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rbee.contract.error.RbeeException;

import java.util.Map;

/** A failure after the stream was committed (api.md §3); followed by {@code [DONE]}. */
public record ErrorEvent(
        String code,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> details) implements SseEvent {

    public static ErrorEvent of(RbeeException e) {
        return new ErrorEvent(e.code(), e.getMessage(), e.details());
    }

    /** The same failure as an exception, e.g. to answer a non-streaming OpenAI request with its status. */
    public RbeeException toException() {
        return RbeeException.fromEvent(code, message, details);
    }

    @Override
    public String eventType() {
        return EventType.ERROR;
    }
}
