package dev.rbee.queen.hive;

import dev.rbee.contract.queen.HiveState;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.sse.HiveEvent;
import dev.rbee.queen.events.ClusterEvents;
import java.util.List;

/**
 * The state of one hive as watchers see it. Each transition is published once, under the bus lock, so the start-up
 * failure path and the process-exit callback may both report {@code stopped} without a duplicate event; a stale
 * exit callback (the pid of an earlier process) changes nothing.
 */
final class HiveStates {
    private final String node;
    private final String url;
    private final ClusterEvents events;
    private volatile HiveStatus status;

    HiveStates(String node, String url, ClusterEvents events) {
        this.node = node;
        this.url = url;
        this.events = events;
        this.status = HiveStatus.stopped(node);
    }

    HiveStatus status() {
        return status;
    }

    void starting() {
        move(new HiveStatus(node, false, HiveState.STARTING, url, null, null, null, null, null, 0, null), null);
    }

    void running(String version, long pid) {
        move(new HiveStatus(node, true, HiveState.RUNNING, url, version, pid, null, null, null, 0, null), null);
    }

    void stopping() {
        HiveStatus now = status;
        move(new HiveStatus(node, true, HiveState.STOPPING, url, now.version(), now.pid(), null, null, null, 0, null),
                null);
    }

    void stopped(long pid) {
        move(HiveStatus.stopped(node), pid);
    }

    /** {@code pid}: only when the current status still belongs to that process (null: always). */
    private void move(HiveStatus next, Long pid) {
        events.change(() -> {
            HiveStatus now = status;
            if (now.state().equals(next.state()) || (pid != null && now.pid() != null && !pid.equals(now.pid()))) {
                return List.<HiveEvent>of();
            }
            status = next;
            return List.of(new HiveEvent(node, next.state(), next.version()));
        });
    }
}
