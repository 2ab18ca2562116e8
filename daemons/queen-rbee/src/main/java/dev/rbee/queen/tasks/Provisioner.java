package dev.rbee.queen.tasks;

import dev.rbee.contract.Times;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.hive.HiveSpawnResponse;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.LoadingEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.ErrorSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.rbee.queen.hive.LocalHive;
import dev.rbee.queen.registry.WorkerDirectory;
import java.util.List;

/**
 * Steps 1–4 of api.md §5.6: reuse a matching worker, else start the hive, spawn a worker and relay its loading
 * progress until it is ready.
 */
public final class Provisioner {
    private final LocalHive localHive;
    private final WorkerDirectory directory;
    private final WorkerClients workers;
    private final ProvisioningLocks locks = new ProvisioningLocks();
    /** A client for a remote node's running hive, or throws why there is none; wired by QueenDaemon. */
    private volatile java.util.function.BiFunction<String, java.util.function.Consumer<String>, HiveClient>
            remoteHive = (node, narrate) -> {
                throw RbeeException.of(ErrorCode.HIVE_NOT_RUNNING, "rbee-hive on " + node + " is not running",
                        Map.of("node", node));
            };

    public Provisioner(LocalHive localHive, WorkerDirectory directory, WorkerClients workers) {
        this.localHive = localHive;
        this.directory = directory;
        this.workers = workers;
    }

    public void remoteHives(
            java.util.function.BiFunction<String, java.util.function.Consumer<String>, HiveClient> hook) {
        this.remoteHive = hook;
    }

    /**
     * The workers to offer the job to, best first: the warm candidates, or the one worker made ready for it. Jobs for
     * the same model on the same node decide this one at a time (S142), so two cold jobs do not spawn twice.
     */
    List<QWorker> workersFor(TaskRequest request, String node, TaskStream stream, JobRecord job) {
        QWorker pending;
        String key = String.join("|", node, request.model(), String.valueOf(request.backend()),
                String.valueOf(request.device()));
        try (ProvisioningLocks.Held ignored = locks.acquire(key, job, () -> stream.narrate("worker_wait",
                "Waiting for another job that is provisioning " + request.model() + " on " + node))) {
            List<QWorker> warm = directory.candidates(node, request.model(), request.backend(), request.device());
            if (!warm.isEmpty()) {
                return warm;
            }
            java.util.Optional<QWorker> stillLoading = directory.loading(node, request.model(), request.backend(),
                    request.device());
            if (stillLoading.isPresent()) { // api.md §5.6 step 1: wait for it rather than spawn a second one
                pending = stillLoading.get();
                stream.narrate("worker_wait", "Waiting for " + pending.workerId() + " to finish loading");
            } else {
                HiveClient hive = hiveFor(node, stream);
                java.util.Optional<QWorker> known = idleOnHive(hive, request, node, stream);
                if (known.isPresent()) {
                    return List.of(known.get());
                }
                pending = spawnLoading(new HiveSpawnRequest(request.model(), request.backend(), request.device(),
                        null), node, hive, stream, job);
            }
        }
        return List.of(ready(pending, stream, job));
    }

    /** The node's hive: the local child (started if needed), or a registered node's, else why there is none. */
    private HiveClient hiveFor(String node, TaskStream stream) {
        java.util.function.Consumer<String> narrate = text -> stream.narrate("hive_start", text);
        return LocalHive.NODE.equals(node) ? localHive.ensureRunning(narrate) : remoteHive.apply(node, narrate);
    }

    /**
     * S022: before spawning, queen asks the hive for its workers. Heartbeats tell queen about them only every few
     * seconds (and not at all before a restarted queen hears from the hive), so a matching idle worker the hive
     * already runs is adopted instead of being duplicated. Only a worker queen does not know: the hive cannot see
     * the jobs queen relays, so for a known worker (e.g. stale and busy, S147) queen's own view is the better one.
     */
    private java.util.Optional<QWorker> idleOnHive(HiveClient hive, TaskRequest request, String node,
                                                   TaskStream stream) {
        if (!LocalHive.NODE.equals(node)) {
            return java.util.Optional.empty(); // a registered node's hive was asked for its list when it was reached
        }
        java.util.Optional<QWorker> adopted = hive.workersList().workers().stream()
                .filter(w -> WorkerState.IDLE.equals(w.state()) && w.slotsBusy() < w.slotsTotal())
                .filter(w -> directory.find(w.workerId()).isEmpty())
                .filter(w -> request.model().equals(w.modelRef()) || request.model().equals(w.resolvedRef()))
                .filter(w -> request.backend() == null || request.backend().equals(w.backend()))
                .filter(w -> request.device() == null || request.device() == w.device())
                .map(w -> new QWorker(w.workerId(), node, w.url(), w.modelRef(), w.resolvedRef(), w.backend(),
                        w.device(), WorkerState.IDLE, w.slotsTotal(), w.slotsBusy(), w.vramBytes(), Times.now(), false))
                .findFirst();
        adopted.ifPresent(w -> {
            directory.put(w);
            stream.narrate("worker_reuse", "Reusing idle worker " + w.workerId() + " on " + node);
        });
        return adopted;
    }

    /**
     * Steps 2–4 of api.md §5.6, always a new worker: start the hive, have the model downloaded, spawn, relay the
     * loading progress until the worker is ready. Also the whole of {@code POST /v2/workers/spawn} (§5.4).
     */
    QWorker spawnReady(HiveSpawnRequest spawn, String node, TaskStream stream, JobRecord job) {
        return spawnReady(spawn, node, hiveFor(node, stream), stream, job);
    }

    private QWorker spawnReady(HiveSpawnRequest spawn, String node, HiveClient hive, TaskStream stream,
                               JobRecord job) {
        return ready(spawnLoading(spawn, node, hive, stream, job), stream, job);
    }

    /** Steps 3 and 4 up to the spawn: the worker is in the registry as loading when this returns. */
    private QWorker spawnLoading(HiveSpawnRequest spawn, String node, HiveClient hive, TaskStream stream,
                                 JobRecord job) {
        if (job.jobId() != null) { // api.md §1 Correlation: the hive's lines about this spawn name the job
            hive = hive.withCorrelationId(job.jobId());
        }
        ModelProvisioning.ensure(hive, spawn.modelRef(), stream, job); // api.md §5.6 step 3
        stream.narrate("worker_spawn", "Spawning a worker for " + spawn.modelRef() + " on " + node);
        HiveSpawnResponse spawned = hive.spawnWorker(spawn);
        spawned.narration().forEach(line -> stream.narrateAs("rbee-hive", "preflight", line));
        int slots = spawn.slots() == null ? 1 : spawn.slots();
        QWorker loading = new QWorker(spawned.workerId(), node, spawned.url(), spawn.modelRef(), spawn.modelRef(),
                spawned.backend(), spawned.device(), WorkerState.LOADING, slots, 0, 0, Times.now(), false);
        directory.put(loading);
        return loading;
    }

    /** Relays a loading worker's progress until it is ready, then records it as idle. */
    private QWorker ready(QWorker loading, TaskStream stream, JobRecord job) {
        awaitReady(loading, stream, job);
        QWorker ready = withState(loading, WorkerState.IDLE);
        directory.put(ready);
        return ready;
    }

    /** Why a worker disappeared, from its hive; only the local node exists so far. */
    java.util.Optional<ErrorSummary> exitCause(QWorker worker) {
        return LocalHive.NODE.equals(worker.node()) ? localHive.exitCause(worker.workerId())
                : java.util.Optional.empty();
    }

    /** Relays loading progress; a cancel closes the stream, so the job ends at once while the worker loads on. */
    private void awaitReady(QWorker worker, TaskStream stream, JobRecord job) {
        LoadingEvent lastProgress = null;
        try (SseResponse progress = workers.client(worker.url()).loadingProgress()) {
            job.onCancelWhileProvisioning(progress::close);
            SseEventStream events = progress.events();
            while (events.hasNext()) {
                SseEvent event = events.next();
                switch (event) {
                    case LoadingEvent loading -> {
                        lastProgress = loading;
                        stream.send(loading);
                    }
                    case ReadyEvent ignored -> {
                        stream.send(ReadyEvent.spawned(worker.workerId(), worker.url(), worker.node(),
                                worker.modelRef(), worker.backend(), worker.device()));
                        return;
                    }
                    case ErrorEvent error -> throw RbeeException.fromEvent(error.code(), error.message(),
                            error.details());
                    default -> { }
                }
            }
        } catch (UnreachableException e) {
            if (!job.cancelRequested()) {
                throw loadingEndedEarly(worker, lastProgress);
            }
        } finally {
            job.onCancelWhileProvisioning(() -> { });
        }
        if (job.cancelRequested()) {
            throw ProvisioningLocks.canceled(job);
        }
        throw loadingEndedEarly(worker, lastProgress);
    }

    /**
     * The loading stream broke off: the hive says why (it stopped a worker that loaded too long, or the process died,
     * e.g. by the OOM killer).
     */
    private RbeeException loadingEndedEarly(QWorker worker, LoadingEvent lastProgress) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("worker_id", worker.workerId());
        details.put("phase", "loading");
        if (lastProgress != null) {
            details.put("layers_loaded", lastProgress.layersLoaded());
            details.put("layers_total", lastProgress.layersTotal());
        }
        ErrorSummary cause = exitCause(worker).orElse(new ErrorSummary(ErrorCode.WORKER_FAILED.name(),
                "its loading stream ended before it was ready"));
        if (ErrorCode.WORKER_FAILED.name().equals(cause.code())) {
            details.put("reason", cause.message().contains("out of memory") ? "oom_killed" : "crashed");
            return RbeeException.fromEvent(cause.code(), "Worker " + worker.workerId() + " on " + worker.node()
                    + " exited: " + cause.message(), details);
        }
        return RbeeException.fromEvent(cause.code(), cause.message(), details);
    }

    private static QWorker withState(QWorker w, String state) {
        return new QWorker(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(), w.backend(), w.device(),
                state, w.slotsTotal(), w.slotsBusy(), w.vramBytes(), Times.now(), false);
    }
}
