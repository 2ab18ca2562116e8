package dev.rbee.contract.queen;

/** Hive → queen before launching a worker (api.md §5.5); the entry starts in state {@code loading}. */
public record RegisterWorkerRequest(
        String workerId,
        String node,
        String url,
        String modelRef,
        String resolvedRef,
        String backend,
        Integer device,
        Integer slotsTotal) {
}
