package dev.rbee.keeper.cluster;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.queen.HiveState;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.sse.DownloadEvent;
import dev.rbee.contract.sse.HiveEvent;
import dev.rbee.contract.sse.JobEvent;
import dev.rbee.contract.sse.NodeEvent;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.WorkerEvent;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster as the dashboard sees it, built from the snapshot of {@code GET /v2/events} and moved on by each
 * change (api.md §5.7). Immutable: {@link #apply} returns a new state, or this one when the event changes nothing,
 * so a view can compare by identity. Maps keep queen's order (registry order for nodes, arrival order otherwise).
 *
 * @param snapshotAt when the snapshot this state grew from arrived; a reconnect starts a new one
 * @param at         when the last change was applied
 */
public record ClusterState(
        Map<String, Node> nodes,
        Map<String, HiveStatus> hives,
        Map<String, QWorker> workers,
        JobBoard jobs,
        Map<String, DownloadEvent> downloads,
        Instant snapshotAt,
        Instant at) {

    public ClusterState {
        nodes = frozen(nodes);
        hives = frozen(hives);
        workers = frozen(workers);
        downloads = frozen(downloads);
    }

    /** Before the first snapshot: nothing known. */
    public static ClusterState empty(Instant at) {
        return new ClusterState(Map.of(), Map.of(), Map.of(), JobBoard.of(List.of(), at), Map.of(), at, at);
    }

    public static ClusterState of(SnapshotEvent snapshot, Instant at) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        snapshot.nodes().forEach(n -> nodes.put(n.nodeName(), n));
        Map<String, HiveStatus> hives = new LinkedHashMap<>();
        snapshot.hives().forEach(h -> hives.put(h.node(), h));
        Map<String, QWorker> workers = new LinkedHashMap<>();
        snapshot.workers().forEach(w -> workers.put(w.workerId(), w));
        return new ClusterState(nodes, hives, workers, JobBoard.of(snapshot.jobs(), at), Map.of(), at, at);
    }

    /**
     * The state after {@code event}, received at {@code at}. A snapshot replaces everything; {@code shutdown} and types
     * this build does not know change nothing (the watcher acts on {@code shutdown}).
     */
    public ClusterState apply(SseEvent event, Instant at) {
        return switch (event) {
            case SnapshotEvent snapshot -> of(snapshot, at);
            case NodeEvent node -> ClusterChanges.node(this, node, at);
            case HiveEvent hive -> ClusterChanges.hive(this, hive, at);
            case WorkerEvent worker -> ClusterChanges.worker(this, worker, at);
            case JobEvent job -> withJobs(jobs.apply(job, at), at);
            case DownloadEvent download -> ClusterChanges.download(this, download, at);
            default -> this;
        };
    }

    /** The registry rows as {@code GET /v2/registry/beehives/list} gave them (the node events carry only a name). */
    public ClusterState withNodes(List<Node> registry, Instant at) {
        Map<String, Node> next = new LinkedHashMap<>();
        registry.forEach(n -> next.put(n.nodeName(), n));
        return new ClusterState(next, hives, workers, jobs, downloads, snapshotAt, at);
    }

    ClusterState withJobs(JobBoard next, Instant now) {
        return next.equals(jobs) ? this : new ClusterState(nodes, hives, workers, next, downloads, snapshotAt, now);
    }

    public Optional<HiveStatus> hive(String node) {
        return Optional.ofNullable(hives.get(node));
    }

    public List<QWorker> workersOn(String node) {
        return workers.values().stream().filter(w -> node.equals(w.node())).toList();
    }

    public List<TrackedJob> activeJobs() {
        return List.copyOf(jobs.active().values());
    }

    public List<TrackedJob> recentJobs() {
        return jobs.recent();
    }

    public int runningHives() {
        return (int) hives.values().stream().filter(h -> HiveState.RUNNING.equals(h.state())).count();
    }

    /** Workers per state, in {@link WorkerState#ALL}'s order, every state present (0 when none). */
    public Map<String, Integer> workerCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        WorkerState.ALL.forEach(s -> counts.put(s, 0));
        workers.values().forEach(w -> counts.merge(w.state(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** Tokens per second across the cluster at {@code now}; a view refreshes it on a timer, since silence means 0. */
    public double tokensPerSecondAt(Instant now) {
        return jobs.tokensPerSecondAt(now);
    }

    /** Jobs in flight with their queen fields, for callers that do not need the measured speed. */
    public List<Job> activeJobRecords() {
        return jobs.active().values().stream().map(TrackedJob::job).toList();
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
