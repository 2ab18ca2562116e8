package dev.rbee.hive.workers;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.WorkerState;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hive's local worker registry. A worker that was asked to stop leaves it when its process exits; one that died
 * on its own stays listed in state {@code error} with the cause for 60 s (api.md §6.1), so queen can tell its callers
 * what happened.
 */
public final class WorkerRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);
    private static final long KEEP_FAILED_MS = 60_000;

    private final Map<String, WorkerEntry> workers = new ConcurrentHashMap<>();
    private final Path logsDir;

    /** {@code logsDir}: where the workers' logs are, to name the job a crashed worker was running (S083). */
    public WorkerRegistry(Path logsDir) {
        this.logsDir = logsDir;
    }

    public void add(WorkerEntry entry) {
        workers.put(entry.workerId(), entry);
        entry.process().onExit().thenRun(() -> exited(entry));
    }

    private void exited(WorkerEntry entry) {
        String state = entry.state();
        if (WorkerState.DRAINING.equals(state)) {
            workers.remove(entry.workerId(), entry);
            return;
        }
        if (!entry.hasFailed()) {
            int exitValue = entry.process().exitValue();
            String cause = ExitCause.describe(exitValue, WorkerState.LOADING.equals(state));
            String doing = JobsInFlight.describe(logsDir.resolve(entry.workerId() + ".log")).orElse(state);
            LOG.warn("Worker {} exited unexpectedly ({}) while {}", entry.workerId(), ExitCause.raw(exitValue), doing);
            entry.failed(cause);
        }
        CompletableFuture.delayedExecutor(KEEP_FAILED_MS, TimeUnit.MILLISECONDS)
                .execute(() -> workers.remove(entry.workerId(), entry));
    }

    /** Drops an entry at once (a worker the health check killed), whatever its process does next. */
    public void remove(WorkerEntry entry) {
        workers.remove(entry.workerId(), entry);
    }

    public Optional<WorkerEntry> find(String workerId) {
        return Optional.ofNullable(workers.get(workerId));
    }

    public WorkerEntry get(String workerId) {
        return find(workerId).orElseThrow(() -> RbeeException.of(ErrorCode.WORKER_NOT_FOUND,
                "Worker '" + workerId + "' not found", Map.of("worker_id", workerId)));
    }

    public boolean contains(String workerId) {
        return workers.containsKey(workerId);
    }

    public Collection<WorkerEntry> all() {
        return List.copyOf(workers.values());
    }

    public int size() {
        return workers.size();
    }
}
