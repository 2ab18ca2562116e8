package dev.rbee.contract.hive;

/** {@code {"message":"…"}}, e.g. {@code Worker registered as ready}. */
public record MessageResponse(String message) {
    public static final String WORKER_READY = "Worker registered as ready";
}
