package dev.rbee.queen;

import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.JobState;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.queen.hive.LocalHive;
import dev.rbee.queen.registry.WorkerDirectory;
import dev.rbee.queen.tasks.JobRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * The first event of {@code /v2/events}: the registry's nodes ({@code localhost} first), the hive, the workers and
 * the jobs in flight. Finished jobs are left out: their terminal {@code job} event was published before they finished.
 */
final class ClusterSnapshot implements Supplier<SnapshotEvent> {
    private final Supplier<List<Node>> nodes;
    private final LocalHive localHive;
    private final WorkerDirectory directory;
    private final JobRegistry jobs;

    ClusterSnapshot(Supplier<List<Node>> nodes, LocalHive localHive, WorkerDirectory directory, JobRegistry jobs) {
        this.nodes = nodes;
        this.localHive = localHive;
        this.directory = directory;
        this.jobs = jobs;
    }

    @Override
    public SnapshotEvent get() {
        List<QWorker> workers = directory.list(null);
        return new SnapshotEvent(nodes.get(), List.of(withWorkerCount(localHive.status(), workers)),
                workers, jobs.inFlight().stream().filter(j -> !JobState.isFinished(j.state())).toList());
    }

    private static HiveStatus withWorkerCount(HiveStatus h, List<QWorker> workers) {
        int count = (int) workers.stream().filter(w -> w.node().equals(h.node())).count();
        return new HiveStatus(h.node(), h.running(), h.state(), h.url(), h.version(), h.pid(), h.lastHeartbeatAt(),
                h.backends(), h.resources(), count, h.alreadyRunning());
    }
}
