package dev.rbee.contract.error;

import java.util.Map;

/** {@code {"error":{"code","message","details"}}}: the body of every non-2xx JSON response (api.md §3). */
public record ErrorEnvelope(ErrorBody error) {

    public static ErrorEnvelope of(String code, String message, Map<String, Object> details) {
        return new ErrorEnvelope(new ErrorBody(code, message, details));
    }
}
