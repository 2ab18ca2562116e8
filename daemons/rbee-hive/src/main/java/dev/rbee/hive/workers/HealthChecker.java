package dev.rbee.hive.workers;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.worker.WorkerHealth;
import dev.rbee.daemon.ChildProcesses;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hive's worker health check (api.md §12, S112): every {@code hive.health_interval} a {@code GET /health} with a
 * 5 s timeout per worker. A timeout, an error, a non-200 or {@code unhealthy} is a failure; three in a row and the
 * worker is killed and removed; a success resets the count. A process that exits is noticed at once elsewhere.
 */
public final class HealthChecker {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);
    static final int FAILURES_TO_REMOVE = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WorkerRegistry workers;
    private final Duration interval;
    private final String secret;
    private final Json json;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public HealthChecker(WorkerRegistry workers, Duration interval, String secret, Json json) {
        this.workers = workers;
        this.interval = interval;
        this.secret = secret;
        this.json = json;
    }

    /** 0 turns the check off. Each round checks every worker in parallel so one hung worker does not delay others. */
    public void start(ScheduledExecutorService timer) {
        if (interval.isZero()) {
            return;
        }
        timer.scheduleAtFixedRate(() -> workers.all().forEach(w -> Thread.ofVirtual().start(() -> check(w))),
                interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(WorkerEntry entry) {
        String state = entry.state();
        if (WorkerState.DRAINING.equals(state) || WorkerState.ERROR.equals(state) || !entry.process().isAlive()) {
            failures.remove(entry.workerId());
            return;
        }
        String problem = probe(entry);
        if (problem == null) {
            failures.remove(entry.workerId());
            return;
        }
        int count = failures.merge(entry.workerId(), 1, Integer::sum);
        LOG.warn("Health check {}/{} of {} failed: {}", count, FAILURES_TO_REMOVE, entry.workerId(), problem);
        if (count >= FAILURES_TO_REMOVE) {
            failures.remove(entry.workerId());
            entry.state(WorkerState.DRAINING); // so its exit is not reported as a crash
            ChildProcesses.kill(entry.process());
            workers.remove(entry);
            LOG.warn("Worker {} failed 3 health checks; removed", entry.workerId());
        }
    }

    /** Null when healthy, else what went wrong. */
    private String probe(WorkerEntry entry) {
        try {
            WorkerHealth health = new WorkerClient(new HttpJson(Endpoint.of(entry.url(), secret, TIMEOUT, TIMEOUT),
                    json)).health();
            return WorkerHealth.HEALTHY.equals(health.status()) ? null : "status " + health.status();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
