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

    public Provisioner(LocalHive localHive, WorkerDirectory directory, WorkerClients workers) {
        this.localHive = localHive;
        this.directory = directory;
        this.workers = workers;
    }

    QWorker workerFor(TaskRequest request, String node, TaskStream stream, JobRecord job) {
        List<QWorker> warm = directory.candidates(node, request.model(), request.backend(), request.device());
        if (!warm.isEmpty()) {
            return warm.getFirst();
        }
        java.util.Optional<QWorker> stillLoading = directory.loading(node, request.model(), request.backend(),
                request.device());
        if (stillLoading.isPresent()) { // api.md §5.6 step 1: wait for it rather than spawn a second one
            QWorker worker = stillLoading.get();
            stream.narrate("worker_wait", "Waiting for " + worker.workerId() + " to finish loading");
            awaitReady(worker.workerId(), worker.url(), stream, job);
            QWorker ready = withState(worker, WorkerState.IDLE);
            directory.put(ready);
            return ready;
        }
        HiveClient hive = localHive.ensureRunning(text -> stream.narrate("hive_start", text));
        ModelProvisioning.ensure(hive, request.model(), stream, job); // api.md §5.6 step 3
        stream.narrate("worker_spawn", "Spawning a worker for " + request.model() + " on " + node);
        HiveSpawnResponse spawned = hive.spawnWorker(new HiveSpawnRequest(request.model(), request.backend(),
                request.device(), null));
        QWorker loading = new QWorker(spawned.workerId(), node, spawned.url(), request.model(), request.model(),
                spawned.backend(), spawned.device(), WorkerState.LOADING, 1, 0, 0, Times.now(), false);
        directory.put(loading);
        awaitReady(spawned.workerId(), spawned.url(), stream, job);
        QWorker ready = withState(loading, WorkerState.IDLE);
        directory.put(ready);
        return ready;
    }

    /** Why a worker disappeared, from its hive; only the local node exists so far. */
    java.util.Optional<String> exitCause(QWorker worker) {
        return LocalHive.NODE.equals(worker.node()) ? localHive.exitCause(worker.workerId())
                : java.util.Optional.empty();
    }

    /** Relays loading progress; a cancel closes the stream, so the job ends at once while the worker loads on. */
    private void awaitReady(String workerId, String url, TaskStream stream, JobRecord job) {
        try (SseResponse progress = workers.client(url).loadingProgress()) {
            job.onCancelWhileProvisioning(progress::close);
            SseEventStream events = progress.events();
            while (events.hasNext()) {
                SseEvent event = events.next();
                switch (event) {
                    case LoadingEvent loading -> stream.send(loading);
                    case ReadyEvent ignored -> {
                        stream.send(ReadyEvent.relayed(workerId, url));
                        return;
                    }
                    case ErrorEvent error -> throw RbeeException.fromEvent(error.code(), error.message(),
                            error.details());
                    default -> { }
                }
            }
        } finally {
            job.onCancelWhileProvisioning(() -> { });
        }
        if (job.cancelRequested()) {
            throw RbeeException.of(dev.rbee.contract.error.ErrorCode.CANCELLED, "Job " + job.jobId()
                    + " was canceled", java.util.Map.of("job_id", job.jobId()));
        }
        throw RbeeException.fromEvent("WORKER_FAILED", "Worker " + workerId
                + " stopped before it finished loading", java.util.Map.of("worker_id", workerId,
                "phase", "loading", "reason", "crashed"));
    }

    private static QWorker withState(QWorker w, String state) {
        return new QWorker(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(), w.backend(), w.device(),
                state, w.slotsTotal(), w.slotsBusy(), w.vramBytes(), Times.now(), false);
    }
}
