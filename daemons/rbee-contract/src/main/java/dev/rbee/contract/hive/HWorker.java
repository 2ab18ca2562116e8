package dev.rbee.contract.hive;

import dev.rbee.contract.error.ErrorSummary;

/** An entry of the hive's local registry (api.md §6.1); failed workers stay listed 60 s with {@code error}. */
public record HWorker(
        String workerId,
        String url,
        String modelRef,
        String resolvedRef,
        String backend,
        int device,
        String state,
        int slotsTotal,
        int slotsBusy,
        Long pid,
        int port,
        String startedAt,
        String lastActivityAt,
        long vramBytes,
        ErrorSummary error) {
}
