package dev.rbee.hive.models;

/** Why one download attempt ended early; every kind here is retried (api.md §10). */
final class AttemptFailure extends Exception {
    enum Kind { STALL, NETWORK, HTTP, CHECKSUM }

    private final Kind kind;
    private final String reason;

    AttemptFailure(Kind kind, String reason, String message) {
        super(message);
        this.kind = kind;
        this.reason = reason;
    }

    Kind kind() {
        return kind;
    }

    /** {@code details.reason} of DOWNLOAD_FAILED: {@code network}, {@code checksum} or {@code http_<status>}. */
    String reason() {
        return reason;
    }
}
