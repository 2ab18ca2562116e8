package dev.rbee.queen.registry;

import dev.rbee.contract.Times;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.queen.HeartbeatWorker;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.WorkerEvent;
import dev.rbee.queen.events.ClusterEvents;
import java.util.ArrayList;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queen's view of every worker in the cluster, fed by hive heartbeats (which replace a node's list) and by the
 * workers queen spawns itself. An entry not refreshed for 15 s is stale and gets no new jobs (api.md §5.5). Every
 * change a watcher can see is published as a {@code worker} event ({@code state:"removed"} when gone).
 */
public final class WorkerDirectory {
    static final long STALE_AFTER_MS = 15_000;

    private record Entry(QWorker worker, long refreshedNanos) {
    }

    private final Map<String, Entry> workers = new ConcurrentHashMap<>();
    /** Jobs queen has running on each worker: it relays them all, so it knows busy/idle before any heartbeat. */
    private final Map<String, Integer> activeJobs = new ConcurrentHashMap<>();
    private final ClusterEvents events;

    public WorkerDirectory(ClusterEvents events) {
        this.events = events;
    }

    /** A directory nobody watches (tests). */
    public WorkerDirectory() {
        this(new ClusterEvents(new Json(), ClusterEvents.DEFAULT_KEEP_ALIVE_MS));
    }

    public void put(QWorker worker) {
        events.change(() -> upsert(worker).stream().toList());
    }

    /**
     * A hive heartbeat: its workers are the whole truth for that node. A worker the hive lists as {@code error} (it
     * keeps failed ones 60 s for diagnosis) is gone for queen: it can take no job, so watchers see it removed.
     */
    public void replaceNode(String node, List<HeartbeatWorker> reported) {
        String now = Times.now();
        events.change(() -> {
            List<HeartbeatWorker> usable = reported.stream()
                    .filter(r -> !WorkerState.ERROR.equals(r.state())).toList();
            List<WorkerEvent> changes = new ArrayList<>(drop(e -> e.worker().node().equals(node)
                    && usable.stream().noneMatch(r -> r.workerId().equals(e.worker().workerId()))));
            for (HeartbeatWorker w : usable) {
                upsert(new QWorker(w.workerId(), node, w.url(), w.modelRef(), w.resolvedRef(), w.backend(),
                        w.device() == null ? 0 : w.device(), w.state(), orZero(w.slotsTotal()),
                        orZero(w.slotsBusy()), w.vramBytes() == null ? 0 : w.vramBytes(), now, false))
                        .ifPresent(changes::add);
            }
            return changes;
        });
    }

    public void remove(String workerId) {
        events.change(() -> drop(e -> e.worker().workerId().equals(workerId)));
    }

    public void removeNode(String node) {
        events.change(() -> drop(e -> e.worker().node().equals(node)));
    }

    /** Queen sent a job to the worker: it is busy until {@link #jobEnded}. */
    public void jobStarted(String workerId) {
        events.change(() -> activeChanged(workerId, () -> activeJobs.merge(workerId, 1, Integer::sum)));
    }

    public void jobEnded(String workerId) {
        events.change(() -> activeChanged(workerId,
                () -> activeJobs.computeIfPresent(workerId, (id, n) -> n > 1 ? n - 1 : null)));
    }

    private List<WorkerEvent> activeChanged(String workerId, Runnable change) {
        Entry e = workers.get(workerId);
        QWorker before = e == null ? null : queensView(e.worker());
        change.run();
        if (e == null) {
            return List.of();
        }
        QWorker after = queensView(e.worker());
        return sameToWatchers(before, after) ? List.of() : List.of(WorkerEvent.of(after));
    }

    /** Stores what was reported and returns the event when anything a watcher sees changed. */
    private Optional<WorkerEvent> upsert(QWorker reported) {
        Entry previous = workers.get(reported.workerId());
        QWorker stored = reported;
        if (WorkerState.LOADING.equals(reported.state()) && previous != null
                && WorkerState.isReady(previous.worker().state())) { // a late heartbeat from before it was ready
            stored = withState(reported, previous.worker().state());
        }
        workers.put(stored.workerId(), new Entry(stored, System.nanoTime()));
        QWorker now = queensView(stored);
        return previous != null && sameToWatchers(queensView(previous.worker()), now) ? Optional.empty()
                : Optional.of(WorkerEvent.of(now));
    }

    /**
     * The hive reports a ready worker as idle; queen relays every job, so it adds its own count of running jobs to
     * what was reported, and watchers see busy the moment a job starts, not at the next heartbeat.
     */
    private QWorker queensView(QWorker w) {
        if (!WorkerState.isReady(w.state())) {
            return w;
        }
        int busy = Math.max(w.slotsBusy(), activeJobs.getOrDefault(w.workerId(), 0));
        return new QWorker(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(), w.backend(), w.device(),
                busy > 0 ? WorkerState.BUSY : WorkerState.IDLE, w.slotsTotal(), busy, w.vramBytes(),
                w.lastHeartbeatAt(), w.stale());
    }

    private static QWorker withState(QWorker w, String state) {
        return new QWorker(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(), w.backend(), w.device(),
                state, w.slotsTotal(), w.slotsBusy(), w.vramBytes(), w.lastHeartbeatAt(), w.stale());
    }

    private static boolean sameToWatchers(QWorker a, QWorker b) {
        return a.state().equals(b.state()) && a.slotsBusy() == b.slotsBusy() && a.slotsTotal() == b.slotsTotal()
                && Objects.equals(a.url(), b.url()) && a.vramBytes() == b.vramBytes();
    }

    private List<WorkerEvent> drop(Predicate<Entry> gone) {
        List<WorkerEvent> removed = new ArrayList<>();
        workers.values().removeIf(e -> {
            if (gone.test(e)) {
                removed.add(WorkerEvent.removed(queensView(e.worker())));
                activeJobs.remove(e.worker().workerId());
                return true;
            }
            return false;
        });
        return removed;
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
     * Among equals the lower device index goes first, so the order is fixed (S159's "first" worker).
     */
    public List<QWorker> candidates(String node, String model, String backend, Integer device) {
        return list(node).stream()
                .filter(w -> !w.stale())
                .filter(w -> model.equals(w.modelRef()) || model.equals(w.resolvedRef()))
                .filter(w -> backend == null || backend.equals(w.backend()))
                .filter(w -> device == null || device == w.device())
                .filter(w -> WorkerState.IDLE.equals(w.state()) || WorkerState.BUSY.equals(w.state()))
                .sorted(Comparator.comparing((QWorker w) -> !WorkerState.IDLE.equals(w.state()))
                        .thenComparing(w -> w.slotsBusy() >= w.slotsTotal())
                        .thenComparingInt(QWorker::device)) // ties: the lower device first, not the random id
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
        QWorker w = queensView(e.worker());
        return stale == w.stale() ? w : new QWorker(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(),
                w.backend(), w.device(), w.state(), w.slotsTotal(), w.slotsBusy(), w.vramBytes(), w.lastHeartbeatAt(),
                stale);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
