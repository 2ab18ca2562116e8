package dev.rbee.contract.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A failure with an rbee error code, a one-line message and a details object: exactly what the envelope carries.
 * The code is a String, not an {@link ErrorCode}, because a daemon relays codes unchanged (api.md §3), including
 * ones this build does not know. Instances are immutable; the {@code with…} methods return copies.
 */
public class RbeeException extends RuntimeException {
    public static final String COMPONENT = "component";
    public static final String ERRORS = "errors";

    private final String code;
    private final int status;
    private final Map<String, Object> details;

    public RbeeException(String code, int status, String message, Map<String, Object> details) {
        this(code, status, message, details, null);
    }

    public RbeeException(String code, int status, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
        this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static RbeeException of(ErrorCode code, String message) {
        return of(code, message, Map.of());
    }

    public static RbeeException of(ErrorCode code, String message, Map<String, Object> details) {
        return new RbeeException(code.name(), code.status(), message, details);
    }

    public static RbeeException of(ErrorCode code, String message, Map<String, Object> details, Throwable cause) {
        return new RbeeException(code.name(), code.status(), message, details, cause);
    }

    /** Rebuilds the exception a daemon answered with, keeping its code, message and details unchanged. */
    public static RbeeException fromEnvelope(int status, ErrorEnvelope envelope) {
        ErrorBody body = envelope.error();
        return new RbeeException(body.code(), status, body.message(), body.details());
    }

    /** Rebuilds an error from an SSE {@code error} event; the status is that of the code when known, else 500. */
    public static RbeeException fromEvent(String code, String message, Map<String, Object> details) {
        int status = ErrorCode.of(code).map(ErrorCode::status).orElse(500);
        return new RbeeException(code, status, message, details);
    }

    /**
     * 400 INVALID_REQUEST listing every failing field at once (api.md §3). A null component is left out so the
     * daemon's error handler can add its own with {@link #withComponentIfAbsent}.
     */
    public static RbeeException invalid(List<FieldError> errors, String component) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (component != null) {
            details.put(COMPONENT, component);
        }
        details.put(ERRORS, List.copyOf(errors));
        return of(ErrorCode.INVALID_REQUEST, errors.size() + " invalid field(s)", details);
    }

    public String code() {
        return code;
    }

    public Optional<ErrorCode> errorCode() {
        return ErrorCode.of(code);
    }

    public boolean is(ErrorCode candidate) {
        return candidate.name().equals(code);
    }

    /** HTTP status of the response that carries (or carried) this error. */
    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Optional<String> component() {
        return details.get(COMPONENT) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The daemon that decides an error names itself; relays keep the original component. */
    public RbeeException withComponentIfAbsent(String component) {
        if (details.containsKey(COMPONENT)) {
            return this;
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put(COMPONENT, component);
        merged.putAll(details);
        return copyWith(merged);
    }

    /** A copy with one more details entry (later keys win). */
    public RbeeException withDetail(String key, Object value) {
        Map<String, Object> merged = new LinkedHashMap<>(details);
        merged.put(key, value);
        return copyWith(merged);
    }

    /** Same failure with other details; keeps cause and stack trace so logs still point at the origin. */
    private RbeeException copyWith(Map<String, Object> newDetails) {
        RbeeException copy = new RbeeException(code, status, getMessage(), newDetails, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public ErrorEnvelope toEnvelope() {
        return ErrorEnvelope.of(code, getMessage(), details);
    }

    @Override
    public String toString() {
        return "RbeeException[" + code + " " + status + ": " + getMessage() + " " + details + "]";
    }
}
