package dev.rbee.contract.hive;

import java.util.List;

/** {@code GET /v1/workers/list}. */
public record HWorkersList(List<HWorker> workers) {
}
