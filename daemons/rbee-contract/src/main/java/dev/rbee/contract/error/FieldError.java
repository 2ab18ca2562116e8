package dev.rbee.contract.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One failing field of an INVALID_REQUEST (api.md §3): {@code {field, constraint, message, value?}}.
 * {@code value} is omitted when the field was absent or its value is not worth echoing.
 */
public record FieldError(
        String field,
        String constraint,
        String message,
        @JsonInclude(JsonInclude.Include.NON_NULL) Object value) {

    public static FieldError of(String field, String constraint, String message) {
        return new FieldError(field, constraint, message, null);
    }
}
