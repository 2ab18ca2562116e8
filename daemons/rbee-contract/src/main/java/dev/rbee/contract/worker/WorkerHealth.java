package dev.rbee.contract.worker;

/**
 * {@code GET /health} of a worker; {@code unhealthy} iff state {@code error}. Besides the fields of api.md §7.1 it
 * reports what an operator checks first: slots, model, backend/device, engine and resident memory.
 */
public record WorkerHealth(String status, String workerId, String state, long vramBytes, int slotsTotal,
                           int slotsBusy, String modelRef, String backend, int device, String engine, long rssBytes) {
    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";
}
