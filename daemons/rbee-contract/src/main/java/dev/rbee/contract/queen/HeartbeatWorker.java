package dev.rbee.contract.queen;

/** One worker inside a hive heartbeat. */
public record HeartbeatWorker(
        String workerId,
        String url,
        String modelRef,
        String resolvedRef,
        String backend,
        Integer device,
        String state,
        Integer slotsTotal,
        Integer slotsBusy,
        Long vramBytes,
        String lastActivityAt) {
}
