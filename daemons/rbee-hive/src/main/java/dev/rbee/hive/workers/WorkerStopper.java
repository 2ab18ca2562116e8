package dev.rbee.hive.workers;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.ChildProcesses;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops workers: ask each to drain, wait for its process (shutdown.grace, 30 s), SIGKILL the ones still there. */
public final class WorkerStopper {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerStopper.class);
    private final String clusterSecret;
    private final Json json;
    private final Duration grace;

    public WorkerStopper(String clusterSecret, Json json, Duration grace) {
        this.clusterSecret = clusterSecret;
        this.json = json;
        this.grace = grace;
    }

    /** Stops all in parallel; returns the ids that had to be force-killed. */
    public List<String> stopAll(Collection<WorkerEntry> workers) {
        List<CompletableFuture<String>> stops = workers.stream().filter(w -> w.process().isAlive())
                .map(w -> CompletableFuture.supplyAsync(() -> stop(w) ? null : w.workerId(),
                        r -> Thread.ofVirtual().start(r)))
                .toList();
        return stops.stream().map(CompletableFuture::join).filter(id -> id != null).toList();
    }

    /**
     * For when queen is gone: nobody will read the workers' streams, so instead of a drain each worker's stdin is
     * closed (it cancels its jobs and exits) and whatever still runs after 3 s is SIGKILLed (api.md §12).
     */
    public List<String> abortAll(Collection<WorkerEntry> workers) {
        for (WorkerEntry worker : workers) {
            worker.state(WorkerState.DRAINING);
            try {
                worker.process().getOutputStream().close();
            } catch (java.io.IOException e) {
                LOG.debug("stdin of {} already closed", worker.workerId());
            }
        }
        long deadline = System.nanoTime() + 3_000_000_000L;
        List<String> killed = new java.util.ArrayList<>();
        for (WorkerEntry worker : workers) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!ChildProcesses.awaitExit(worker.process(), Duration.ofNanos(left))) {
                LOG.warn("Worker {} still alive 3 s after its stdin closed, killing it", worker.workerId());
                ChildProcesses.kill(worker.process());
                killed.add(worker.workerId());
            }
        }
        return killed;
    }

    /** Drains the worker; returns true when it exited by itself within the grace period. */
    public boolean stop(WorkerEntry worker) {
        if (!worker.process().isAlive()) {
            return true;
        }
        LOG.info("🛑 Shutting down {}...", worker.workerId());
        worker.state(WorkerState.DRAINING);
        LOG.info("⏳ Waiting for graceful shutdown ({}s timeout)...", grace.toSeconds());
        return stopWithin(worker, grace);
    }

    /**
     * Asks the worker to shut down and SIGKILLs it when it is still there after {@code patience}; true when it exited
     * by itself. The patience starts with the request, which is sent on its own thread: a worker that hangs (SIGSTOP)
     * must not stretch the wait by the request's own timeout (S114).
     */
    public boolean stopWithin(WorkerEntry worker, Duration patience) {
        if (!worker.process().isAlive()) {
            return true; // its port may already belong to a newer worker, which must not get this request
        }
        Thread.ofVirtual().start(() -> requestShutdown(worker));
        if (ChildProcesses.awaitExit(worker.process(), patience)) {
            LOG.info("✅ Worker terminated: {}", worker.workerId());
            return true;
        }
        LOG.warn("⚠️ Worker did not respond, force-killing {}", worker.workerId());
        ChildProcesses.kill(worker.process());
        ChildProcesses.awaitExit(worker.process(), Duration.ofSeconds(5));
        LOG.info("✅ Worker terminated: {}", worker.workerId());
        return false;
    }

    private void requestShutdown(WorkerEntry worker) {
        try {
            new WorkerClient(new HttpJson(Endpoint.of(worker.url(), clusterSecret, Duration.ofSeconds(2),
                    Duration.ofSeconds(5)), json)).adminShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Worker {} did not take the shutdown request: {}", worker.workerId(), e.getMessage());
        }
    }
}
