package dev.rbee.contract.queen;

/** An entry of queen's global worker registry (api.md §5.1). */
public record QWorker(
        String workerId,
        String node,
        String url,
        String modelRef,
        String resolvedRef,
        String backend,
        int device,
        String state,
        int slotsTotal,
        int slotsBusy,
        long vramBytes,
        String lastHeartbeatAt,
        boolean stale) {
}
