package dev.rbee.contract.hive;

/** Worker → hive {@code POST /v1/workers/ready}; all fields required and must match the spawn. */
public record WorkerReadyCallback(
        String workerId,
        String url,
        String modelRef,
        String backend,
        Integer device,
        Long vramBytes) {
}
