package dev.rbee.contract.queen;

import java.util.List;

/** {@code GET /v2/workers/health?node=}: a live query of the node's hive. */
public record WorkersHealthResponse(String status, String node, List<WorkerHealthEntry> workers) {
}
