package dev.rbee.contract.error;

/** {@code {code, message}} as embedded in a failed worker entry or a failed job. */
public record ErrorSummary(String code, String message) {

    public static ErrorSummary of(RbeeException e) {
        return new ErrorSummary(e.code(), e.getMessage());
    }
}
