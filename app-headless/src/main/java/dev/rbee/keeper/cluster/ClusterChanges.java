package dev.rbee.keeper.cluster;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.queen.HiveState;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeStatus;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.sse.DownloadEvent;
import dev.rbee.contract.sse.HiveEvent;
import dev.rbee.contract.sse.NodeEvent;
import dev.rbee.contract.sse.WorkerEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The non-job changes of {@link ClusterState#apply}. Queen is the authority, so an event about an id keeper has not
 * seen adds it, and a removal of an unknown id (or one already dropped with its node) is no change at all.
 */
final class ClusterChanges {
    private ClusterChanges() {
    }

    static ClusterState node(ClusterState s, NodeEvent e, Instant at) {
        String name = e.nodeName();
        if (NodeEvent.REMOVED.equals(e.action())) {
            return removeNode(s, name, at);
        }
        if (s.nodes().containsKey(name)) {
            return s; // An update names the node only; the watcher refetches the registry for its fields.
        }
        Map<String, Node> nodes = new LinkedHashMap<>(s.nodes());
        nodes.put(name, placeholder(name));
        return new ClusterState(nodes, s.hives(), s.workers(), s.jobs(), s.downloads(), s.snapshotAt(), at);
    }

    /** A removed node takes its hive, workers and downloads with it; its jobs stay in the history. */
    private static ClusterState removeNode(ClusterState s, String name, Instant at) {
        if (!s.nodes().containsKey(name) && !s.hives().containsKey(name)) {
            return s;
        }
        Map<String, Node> nodes = new LinkedHashMap<>(s.nodes());
        nodes.remove(name);
        Map<String, HiveStatus> hives = new LinkedHashMap<>(s.hives());
        hives.remove(name);
        Map<String, QWorker> workers = new LinkedHashMap<>(s.workers());
        workers.values().removeIf(w -> name.equals(w.node()));
        Map<String, DownloadEvent> downloads = new LinkedHashMap<>(s.downloads());
        downloads.values().removeIf(d -> name.equals(d.node()));
        return new ClusterState(nodes, hives, workers, s.jobs(), downloads, s.snapshotAt(), at);
    }

    private static Node placeholder(String name) {
        return new Node(name, null, null, null, null, null, null, null, NodeStatus.UNKNOWN, null, null, null, null,
                null, null, null);
    }

    /** A stopped hive has no url, pid or version (api.md §5.3); otherwise the event's version wins when it has one. */
    static ClusterState hive(ClusterState s, HiveEvent e, Instant at) {
        HiveStatus before = s.hives().getOrDefault(e.node(), HiveStatus.stopped(e.node()));
        HiveStatus after = HiveState.STOPPED.equals(e.state()) ? HiveStatus.stopped(e.node())
                : new HiveStatus(e.node(), HiveState.RUNNING.equals(e.state()), e.state(), before.url(),
                        e.version() != null ? e.version() : before.version(), before.pid(), before.lastHeartbeatAt(),
                        before.backends(), before.resources(), before.workers(), null);
        if (after.equals(s.hives().get(e.node()))) {
            return s;
        }
        Map<String, HiveStatus> hives = new LinkedHashMap<>(s.hives());
        hives.put(e.node(), after);
        return new ClusterState(s.nodes(), hives, s.workers(), s.jobs(), s.downloads(), s.snapshotAt(), at);
    }

    static ClusterState worker(ClusterState s, WorkerEvent e, Instant at) {
        Map<String, QWorker> workers = new LinkedHashMap<>(s.workers());
        if (WorkerState.REMOVED.equals(e.state())) {
            if (workers.remove(e.workerId()) == null) {
                return s;
            }
        } else {
            workers.put(e.workerId(), merge(s.workers().get(e.workerId()), e));
        }
        return new ClusterState(s.nodes(), s.hives(), workers, s.jobs(), s.downloads(), s.snapshotAt(), at);
    }

    /** The event's fields are boxed; one it leaves out keeps what keeper knew, or a zero for a worker new to it. */
    private static QWorker merge(QWorker b, WorkerEvent e) {
        return new QWorker(e.workerId(),
                or(e.node(), b == null ? null : b.node()),
                or(e.url(), b == null ? null : b.url()),
                or(e.modelRef(), b == null ? null : b.modelRef()),
                or(e.resolvedRef(), b == null ? null : b.resolvedRef()),
                or(e.backend(), b == null ? null : b.backend()),
                or(e.device(), b == null ? 0 : b.device()),
                e.state(),
                or(e.slotsTotal(), b == null ? 0 : b.slotsTotal()),
                or(e.slotsBusy(), b == null ? 0 : b.slotsBusy()),
                or(e.vramBytes(), b == null ? 0L : b.vramBytes()),
                or(e.lastHeartbeatAt(), b == null ? null : b.lastHeartbeatAt()),
                or(e.stale(), b != null && b.stale()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Only downloads in progress are kept: a complete or failed one leaves the list. */
    static ClusterState download(ClusterState s, DownloadEvent e, Instant at) {
        Map<String, DownloadEvent> downloads = new LinkedHashMap<>(s.downloads());
        if (DownloadEvent.RUNNING.equals(e.state())) {
            downloads.put(e.downloadId(), e);
        } else if (downloads.remove(e.downloadId()) == null) {
            return s;
        }
        return new ClusterState(s.nodes(), s.hives(), s.workers(), s.jobs(), downloads, s.snapshotAt(), at);
    }
}
