package dev.rbee.queen.registry;

import dev.rbee.contract.Times;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.queen.HeartbeatWorker;
import dev.rbee.contract.queen.QWorker;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queen's view of every worker in the cluster, fed by hive heartbeats (which replace a node's list) and by the
 * workers queen spawns itself. An entry not refreshed for 15 s is stale and gets no new jobs (api.md §5.5).
 */
public final class WorkerDirectory {
    static final long STALE_AFTER_MS = 15_000;

    private record Entry(QWorker worker, long refreshedNanos) {
    }

    private final Map<String, Entry> workers = new ConcurrentHashMap<>();

    public void put(QWorker worker) {
        workers.put(worker.workerId(), new Entry(worker, System.nanoTime()));
    }

    /** A hive heartbeat: its workers are the whole truth for that node. */
    public synchronized void replaceNode(String node, List<HeartbeatWorker> reported) {
        workers.values().removeIf(e -> e.worker().node().equals(node)
                && reported.stream().noneMatch(r -> r.workerId().equals(e.worker().workerId())));
        String now = Times.now();
        for (HeartbeatWorker w : reported) {
            put(new QWorker(w.workerId(), node, w.url(), w.modelRef(), w.resolvedRef(), w.backend(),
                    w.device() == null ? 0 : w.device(), w.state(), orZero(w.slotsTotal()), orZero(w.slotsBusy()),
                    w.vramBytes() == null ? 0 : w.vramBytes(), now, false));
        }
    }

    public void remove(String workerId) {
        workers.remove(workerId);
    }

    public void removeNode(String node) {
        workers.values().removeIf(e -> e.worker().node().equals(node));
    }

    public List<QWorker> list(String nodeOrNull) {
        return workers.values().stream()
                .map(this::withStaleness)
                .filter(w -> nodeOrNull == null || w.node().equals(nodeOrNull))
                .sorted(Comparator.comparing(QWorker::node).thenComparing(QWorker::workerId))
                .toList();
    }

    /**
     * Workers a job for {@code model} may go to: fresh, same model (and backend/device when given), idle or busy.
     * Idle ones come first, then busy ones with a free slot, then full ones: a full worker is not duplicated (S024);
     * the job meets its {@code ALL_SLOTS_BUSY} and retries (S089), since only the worker knows its slots for sure.
     */
    public List<QWorker> candidates(String node, String model, String backend, Integer device) {
        return list(node).stream()
                .filter(w -> !w.stale())
                .filter(w -> model.equals(w.modelRef()) || model.equals(w.resolvedRef()))
                .filter(w -> backend == null || backend.equals(w.backend()))
                .filter(w -> device == null || device == w.device())
                .filter(w -> WorkerState.IDLE.equals(w.state()) || WorkerState.BUSY.equals(w.state()))
                .sorted(Comparator.comparing((QWorker w) -> !WorkerState.IDLE.equals(w.state()))
                        .thenComparing(w -> w.slotsBusy() >= w.slotsTotal()))
                .toList();
    }

    /** A fresh worker of the same model that is still loading: a job waits for it instead of spawning another. */
    public Optional<QWorker> loading(String node, String model, String backend, Integer device) {
        return list(node).stream()
                .filter(w -> !w.stale() && WorkerState.LOADING.equals(w.state()))
                .filter(w -> model.equals(w.modelRef()) || model.equals(w.resolvedRef()))
                .filter(w -> backend == null || backend.equals(w.backend()))
                .filter(w -> device == null || device == w.device())
                .findFirst();
    }

    public Optional<QWorker> find(String workerId) {
        return Optional.ofNullable(workers.get(workerId)).map(this::withStaleness);
    }

    private QWorker withStaleness(Entry e) {
        boolean stale = System.nanoTime() - e.refreshedNanos() > STALE_AFTER_MS * 1_000_000L;
        QWorker w = e.worker();
        return stale == w.stale() ? w : new QWorker(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(),
                w.backend(), w.device(), w.state(), w.slotsTotal(), w.slotsBusy(), w.vramBytes(), w.lastHeartbeatAt(),
                stale);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
