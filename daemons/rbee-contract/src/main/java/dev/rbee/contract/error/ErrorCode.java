package dev.rbee.contract.error;

import java.util.Optional;

/**
 * Every error code a daemon may send (api.md §9), with its HTTP status. Codes are carried as strings on the wire
 * ({@link RbeeException#code()}) so a relayed code this build does not know still survives; this enum is the
 * catalogue the daemons raise from.
 */
public enum ErrorCode {
    INVALID_REQUEST(400),
    INVALID_MODEL_REF(400),
    MODEL_INCOMPATIBLE(400),
    BACKEND_UNAVAILABLE(400),
    GPU_NOT_AVAILABLE(400),
    MISSING_API_KEY(401),
    INVALID_API_KEY(401),
    MODEL_ACCESS_DENIED(403),
    SSH_AUTH_FAILED(403),
    HOST_KEY_MISMATCH(403),
    NOT_FOUND(404),
    NODE_NOT_FOUND(404),
    WORKER_NOT_FOUND(404),
    JOB_NOT_FOUND(404),
    MODEL_NOT_FOUND(404),
    DOWNLOAD_NOT_FOUND(404),
    CONNECTION_TIMEOUT(408),
    DOWNLOAD_TIMEOUT(408),
    LOADING_TIMEOUT(408),
    REQUEST_TIMEOUT(408),
    TIMEOUT(408),
    NODE_ALREADY_EXISTS(409),
    HOST_KEY_UNKNOWN(409),
    WORKER_ALREADY_REGISTERED(409),
    DUPLICATE_JOB_ID(409),
    MODEL_IN_USE(409),
    VERSION_MISMATCH(409),
    HIVE_NOT_INSTALLED(409),
    REQUEST_CANCELED(499),
    CANCELLED(499),
    INTERNAL_ERROR(500),
    INVALID_RESPONSE(500),
    HIVE_START_FAILED(500),
    JAVA_NOT_FOUND(500),
    INSTALL_FAILED(500),
    WORKER_BINARY_NOT_FOUND(500),
    WORKER_FAILED(500),
    CUDA_DEVICE_FAILED(500),
    DOWNLOAD_FAILED(500),
    INFERENCE_FAILED(500),
    ALL_SLOTS_BUSY(503),
    WORKER_NOT_READY(503),
    QUEUE_FULL(503),
    SHUTTING_DOWN(503),
    HIVE_NOT_RUNNING(503),
    HIVE_UNREACHABLE(503),
    SSH_CONNECTION_FAILED(503),
    GPU_TOO_HOT(503),
    INSUFFICIENT_RAM(507),
    INSUFFICIENT_VRAM(507),
    GPU_VRAM_EXHAUSTED(507),
    VRAM_FRAGMENTED(507),
    VRAM_EXHAUSTED(507),
    VRAM_OOM(507),
    INSUFFICIENT_DISK(507),
    DISK_FULL(507);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** HTTP status a daemon answers with when this code ends a non-streaming request. */
    public int status() {
        return status;
    }

    /** The code as written on the wire (UPPER_SNAKE, equal to the constant name). */
    public String code() {
        return name();
    }

    /** Looks a wire code up; empty for codes this build does not know (e.g. keeper-local or newer ones). */
    public static Optional<ErrorCode> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (ErrorCode candidate : values()) {
            if (candidate.name().equals(code)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
