package dev.rbee.contract.queen;

import java.util.List;

/** {@code GET /v2/workers/list?node=}. */
public record WorkersListResponse(List<QWorker> workers) {
}
