package dev.rbee.contract.json;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A body that could not be decoded, already expressed as the spec's field errors. Checked on purpose: the caller
 * decides whether bad JSON is the peer's request (400 INVALID_REQUEST) or a peer's response (500 INVALID_RESPONSE).
 */
public final class JsonDecodeException extends Exception {
    private final transient List<FieldError> errors;
    private final String parseError;
    private final long position;

    JsonDecodeException(List<FieldError> errors, String parseError, long position, Throwable cause) {
        super(parseError, cause);
        this.errors = List.copyOf(errors);
        this.parseError = parseError;
        this.position = position;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The parser's own message, without position. */
    public String parseError() {
        return parseError;
    }

    /** Character (or byte, for byte input) offset of the failure; -1 when unknown. */
    public long position() {
        return position;
    }

    /** 400 INVALID_REQUEST with the field errors; {@code component} may be null and added later by the daemon. */
    public RbeeException toInvalidRequest(String component) {
        return RbeeException.invalid(errors, component);
    }

    /** 500 INVALID_RESPONSE: a peer answered something off-contract (api.md §9). */
    public RbeeException toInvalidResponse(String from) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from);
        details.put("parse_error", parseError);
        details.put("position", position);
        return RbeeException.of(ErrorCode.INVALID_RESPONSE,
                "Invalid response from " + from + ": " + describe(), details, this);
    }

    /** One line: the first field error's message. */
    public String describe() {
        return errors.isEmpty() ? parseError : errors.getFirst().message();
    }
}
