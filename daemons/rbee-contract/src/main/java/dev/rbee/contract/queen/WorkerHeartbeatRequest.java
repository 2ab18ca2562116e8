package dev.rbee.contract.queen;

/** Hive → queen on a worker state change; {@code seq} increases per worker so stale updates are dropped. */
public record WorkerHeartbeatRequest(
        String state,
        String url,
        Integer slotsTotal,
        Integer slotsBusy,
        Long vramBytes,
        String lastActivityAt,
        Long seq) {
}
