package dev.rbee.queen.tasks;

import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.worker.CancelReason;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.queen.registry.WorkerDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * Step 5–7 of api.md §5.6: send the job to the first candidate that accepts it and forward every event byte for
 * byte as it arrives; when every candidate is busy, all are tried again after 1, 2 and 4 s; a stream that closes
 * without a terminal event becomes {@code WORKER_FAILED}, marked as retryable while no token was relayed.
 */
final class TokenRelay {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TokenRelay.class);
    private static final List<Duration> BUSY_RETRIES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4));

    private final WorkerClients workers;
    private final Function<QWorker, Optional<String>> exitCauses;
    private final ScheduledExecutorService timer;
    private final Duration stallLimit;
    private final WorkerDirectory directory;

    /** {@code exitCauses} asks the worker's hive why a worker went away; {@code stallLimit} is 60 s in production. */
    TokenRelay(WorkerClients workers, Function<QWorker, Optional<String>> exitCauses, ScheduledExecutorService timer,
               Duration stallLimit, WorkerDirectory directory) {
        this.workers = workers;
        this.directory = directory;
        this.exitCauses = exitCauses;
        this.timer = timer;
        this.stallLimit = stallLimit;
    }

    void relay(TaskRequest request, List<QWorker> candidates, JobRecord job, TaskStream stream)
            throws ClientGoneException {
        Accepted accepted = openWithBusyRetries(request, candidates, job, stream);
        QWorker worker = accepted.worker();
        SseResponse response = accepted.response();
        boolean busy = false;
        boolean tokenRelayed = false;
        try (response; StallWatch watch = new StallWatch(timer, stallLimit, response::close)) {
            SseEventStream events = response.events();
            while (events.hasNext()) {
                SseEventStream.Received received = events.nextReceived();
                watch.touch();
                stream.sink().relay(received.event(), received.json());
                switch (received.event()) {
                    case StartedEvent ignored -> {
                        job.started(); // the job's event first, then the worker's busy (S170's order)
                        directory.jobStarted(worker.workerId());
                        busy = true;
                    }
                    case TokenEvent ignored -> {
                        job.token();
                        tokenRelayed = true;
                    }
                    case EndEvent end -> {
                        job.ended(end.stopReason());
                        return;
                    }
                    case ErrorEvent error -> {
                        job.failed(error.code(), error.message());
                        return;
                    }
                    default -> { }
                }
            }
            if (watch.stalled()) {
                throw stalled(worker, job);
            }
        } finally {
            if (busy) {
                directory.jobEnded(worker.workerId());
            }
        }
        Optional<String> exited = exitCauses.apply(worker);
        if (exited.isPresent()) { // the process is gone: no later heartbeat needed to forget it (S083)
            directory.remove(worker.workerId());
        }
        String cause = exited.orElse("its stream ended without an end event");
        RbeeException failed = RbeeException.of(ErrorCode.WORKER_FAILED, "Worker " + worker.workerId() + " on "
                + worker.node() + " exited: " + cause, Map.of("worker_id", worker.workerId(), "phase", "inference",
                "reason", cause.contains("out of memory") ? "oom_killed" : "crashed"));
        // Once a token went out, another worker's answer could not continue it: never retried (S082, S159).
        throw tokenRelayed ? failed : new CrashedBeforeFirstTokenException(worker, failed);
    }

    /** The worker stays; its job is canceled, and the hive's health checks deal with a worker that hangs. */
    private RbeeException stalled(QWorker worker, JobRecord job) {
        Thread.ofVirtual().start(() -> {
            try {
                workers.client(worker.url()).cancel(job.jobId(), CancelReason.STALLED);
            } catch (RuntimeException e) {
                // a hung worker may not answer; the job is over for the caller either way
            }
        });
        return RbeeException.of(ErrorCode.TIMEOUT, "Worker timeout - no token for " + stallLimit.toSeconds() + " s",
                Map.of("worker_id", worker.workerId()));
    }

    private record Accepted(QWorker worker, SseResponse response) {
    }

    private Accepted openWithBusyRetries(TaskRequest request, List<QWorker> candidates, JobRecord job,
                                         TaskStream stream) {
        for (int attempt = 0; ; attempt++) {
            RbeeException busy = null;
            for (QWorker worker : candidates) {
                try {
                    job.assigned(worker.workerId(), worker.url());
                    dispatching(worker, job, stream);
                    return new Accepted(worker, open(request, worker, job));
                } catch (RbeeException e) {
                    if (!e.is(ErrorCode.ALL_SLOTS_BUSY)) {
                        throw e;
                    }
                    busy = e;
                }
            }
            if (attempt == BUSY_RETRIES.size()) {
                throw stillBusy(busy);
            }
            long seconds = BUSY_RETRIES.get(attempt).toSeconds();
            stream.send(new NarrationEvent(TaskStream.QUEEN, "busy_retry", "⏳ Worker busy, retrying in " + seconds
                    + " s (attempt " + (attempt + 1) + "/3)", job.jobId()));
            sleep(BUSY_RETRIES.get(attempt));
        }
    }

    /** S158: the hand-over to a worker is narrated and logged with the job id, once per worker asked. */
    private static void dispatching(QWorker worker, JobRecord job, TaskStream stream) {
        LOG.info("Job {} dispatched to worker {} on {}", job.jobId(), worker.workerId(), worker.node());
        stream.narrate("dispatch", "Dispatching to worker " + worker.workerId() + " on " + worker.node());
    }

    /** Queen's own conclusion, so the worker's {@code component} is left out of the details it passes on. */
    private static RbeeException stillBusy(RbeeException lastRefusal) {
        Map<String, Object> details = new java.util.LinkedHashMap<>(lastRefusal.details());
        details.remove("component");
        return RbeeException.of(ErrorCode.ALL_SLOTS_BUSY, "Worker still busy after 3 retries", details);
    }

    /** One try; a worker that is gone or no longer takes jobs is for the caller to replace. */
    private SseResponse open(TaskRequest request, QWorker worker, JobRecord job) {
        try {
            return workers.client(worker.url()).inference(request.toInference(job.jobId()));
        } catch (UnreachableException e) {
            throw new WorkerUnreachableException(worker, e);
        } catch (RbeeException e) {
            if (e.is(ErrorCode.WORKER_NOT_READY)) {
                throw new WorkerUnreachableException(worker, e);
            }
            throw e;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RbeeException.of(ErrorCode.CANCELLED, "interrupted while waiting for a busy worker");
        }
    }
}
