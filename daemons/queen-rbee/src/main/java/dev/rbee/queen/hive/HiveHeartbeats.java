package dev.rbee.queen.hive;

import dev.rbee.contract.Times;
import dev.rbee.contract.queen.HiveStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When queen last heard each node's hive, for {@code last_heartbeat_at} of the hive status (api.md §5.3). */
public final class HiveHeartbeats {
    private final Map<String, Instant> last = new ConcurrentHashMap<>();
    private final Clock clock;

    public HiveHeartbeats(Clock clock) {
        this.clock = clock;
    }

    public void heard(String node) {
        last.put(node, clock.instant());
    }

    /** A running hive's status with the time of its last heartbeat; a stopped hive has none. */
    HiveStatus stamp(HiveStatus status) {
        Instant at = last.get(status.node());
        return !status.running() || at == null ? status : status.withLastHeartbeatAt(Times.format(at));
    }
}
