package dev.rbee.contract.queen;

/** {@code GET /health} of queen: {@code {"status":"ok","version":"0.1.0"}}. */
public record QueenHealth(String status, String version) {
    public static final String OK = "ok";
}
