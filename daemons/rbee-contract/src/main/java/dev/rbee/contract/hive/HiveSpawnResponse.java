package dev.rbee.contract.hive;

/** 202 once the worker answers {@code GET /health}; loading continues in the worker. */
public record HiveSpawnResponse(String workerId, String url, String state, String backend, int device, int port) {
}
