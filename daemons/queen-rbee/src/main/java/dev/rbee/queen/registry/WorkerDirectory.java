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
import java.util.function.LongSupplier;

/**
 * Queen's view of every worker in the cluster, fed by hive heartbeats (which replace a node's list) and by the
 * workers queen spawns itself. An entry not refreshed for 15 s is stale and gets no new jobs (api.md §5.5); {@link
 * #sweep} removes it 120 s after its last refresh, or, while queen still relays a job on it, when that job ends (at
 * the latest 5 min after the last refresh, S147). Every change a watcher can see is published as a {@code worker}
 * event ({@code state:"removed"} when gone). All changes run under the events' lock, so they are serialised.
 */
public final class WorkerDirectory {
    static final long STALE_AFTER_MS = 15_000;
    static final long REMOVE_STALE_AFTER_MS = 120_000;
    static final long REMOVE_BUSY_STALE_AFTER_MS = 300_000;

    private record Entry(QWorker worker, long refreshedNanos) {
    }

    private final Map<String, Entry> workers = new ConcurrentHashMap<>();
    /** Jobs queen has running on each worker: it relays them all, so it knows busy/idle before any heartbeat. */
    private final Map<String, Integer> activeJobs = new ConcurrentHashMap<>();
    private final ClusterEvents events;
    private final LongSupplier nanoClock;

    public WorkerDirectory(ClusterEvents events) {
        this(events, System::nanoTime);
    }

    /** {@code nanoClock} measures how long an entry went unrefreshed (tests move it forward). */
    WorkerDirectory(ClusterEvents events, LongSupplier nanoClock) {
        this.events = events;
        this.nanoClock = nanoClock;
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

    /** A stale worker whose last job ended leaves at once: its heartbeats are still missing (S147). */
    public void jobEnded(String workerId) {
        events.change(() -> {
            List<WorkerEvent> changed = activeChanged(workerId,
                    () -> activeJobs.computeIfPresent(workerId, (id, n) -> n > 1 ? n - 1 : null));
            Entry e = workers.get(workerId);
            boolean staleAndDone = e != null && !activeJobs.containsKey(workerId) && silentFor(e) > STALE_AFTER_MS;
            return staleAndDone ? drop(x -> x.worker().workerId().equals(workerId)) : changed;
        });
    }

    /**
     * Queen asked the worker's hive to stop it. Draining is final: a heartbeat that still reports it ready (sent
     * before the hive saw the shutdown) refreshes the entry but never makes it routable again (S141).
     */
    public void draining(String workerId) {
        events.change(() -> {
            Entry e = workers.get(workerId);
            if (e == null || WorkerState.DRAINING.equals(e.worker().state())) {
                return List.of();
            }
            workers.put(workerId, new Entry(withState(e.worker(), WorkerState.DRAINING), e.refreshedNanos()));
            return List.of(WorkerEvent.of(queensView(workers.get(workerId).worker())));
        });
    }

    /** Removes the entries stale for too long; queen runs it every 100 ms, so it is cheap when nothing is due. */
    public void sweep() {
        Predicate<Entry> due = e -> silentFor(e) >= (activeJobs.containsKey(e.worker().workerId())
                ? REMOVE_BUSY_STALE_AFTER_MS : REMOVE_STALE_AFTER_MS);
        if (workers.values().stream().anyMatch(due)) {
            events.change(() -> drop(due));
        }
    }

    private long silentFor(Entry e) {
        return (nanoClock.getAsLong() - e.refreshedNanos()) / 1_000_000L;
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
        if (previous != null && isLate(previous.worker().state(), reported.state())) {
            stored = withState(reported, previous.worker().state());
        }
        workers.put(stored.workerId(), new Entry(stored, nanoClock.getAsLong()));
        QWorker now = queensView(stored);
        return previous != null && sameToWatchers(queensView(previous.worker()), now) ? Optional.empty()
                : Optional.of(WorkerEvent.of(now));
    }

    /** A report from before the worker became ready, or from before queen asked it to drain. */
    private static boolean isLate(String known, String reported) {
        boolean readyOrLoading = WorkerState.LOADING.equals(reported) || WorkerState.isReady(reported);
        return WorkerState.LOADING.equals(reported) && WorkerState.isReady(known)
                || WorkerState.DRAINING.equals(known) && readyOrLoading;
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
        boolean stale = silentFor(e) > STALE_AFTER_MS;
        QWorker w = queensView(e.worker());
        return stale == w.stale() ? w : new QWorker(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(),
                w.backend(), w.device(), w.state(), w.slotsTotal(), w.slotsBusy(), w.vramBytes(), w.lastHeartbeatAt(),
                stale);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
