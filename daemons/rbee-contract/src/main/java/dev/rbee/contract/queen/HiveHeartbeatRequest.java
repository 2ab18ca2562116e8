package dev.rbee.contract.queen;

import java.util.List;

/** Hive → queen every 5 s with all its workers (api.md §5.5); the list replaces queen's view of the node. */
public record HiveHeartbeatRequest(
        String node,
        String url,
        String version,
        Long pid,
        String startedAt,
        List<HeartbeatWorker> workers,
        HeartbeatResources resources) {
    public static final long INTERVAL_MS = 5_000;
}
