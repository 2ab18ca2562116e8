package dev.rbee.contract.worker;

/** {@code GET /health} of a worker; {@code unhealthy} iff state {@code error}. */
public record WorkerHealth(String status, String workerId, String state, long vramBytes) {
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
}
