package dev.rbee.hive.workers;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.worker.ReadyResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops workers that had nothing to do for the idle timeout (api.md §12: 5 min by default, 0 = never). The worker's
 * own {@code last_activity_at} decides, so a job that just ended resets the clock.
 */
public final class IdleReaper {
    private static final Logger LOG = LoggerFactory.getLogger(IdleReaper.class);
    private static final long MAX_CHECK_MS = 10_000;

    private final WorkerRegistry workers;
    private final WorkerStopper stopper;
    private final Duration timeout;
    private final String secret;
    private final Json json;

    public IdleReaper(WorkerRegistry workers, WorkerStopper stopper, Duration timeout, String secret, Json json) {
        this.workers = workers;
        this.stopper = stopper;
        this.timeout = timeout;
        this.secret = secret;
        this.json = json;
    }

    /** Checks every 10 s, or more often for a short (test) timeout so it is met within a tenth of itself. */
    public void start(ScheduledExecutorService timer) {
        if (timeout.isZero()) {
            return;
        }
        long period = Math.max(100, Math.min(MAX_CHECK_MS, timeout.toMillis() / 10));
        timer.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        for (WorkerEntry entry : workers.all()) {
            if (WorkerState.IDLE.equals(entry.state()) && idleLongEnough(entry)) {
                LOG.info("Worker {} idle for {} s, stopping it", entry.workerId(), timeout.toSeconds());
                entry.state(WorkerState.DRAINING);
                Thread.ofVirtual().start(() -> stopper.stop(entry));
            }
        }
    }

    private boolean idleLongEnough(WorkerEntry entry) {
        try {
            ReadyResponse ready = new WorkerClient(new HttpJson(Endpoint.of(entry.url(), secret,
                    Duration.ofSeconds(1), Duration.ofSeconds(2)), json)).ready();
            return WorkerState.IDLE.equals(ready.state()) && ready.slotsBusy() == 0
                    && Instant.parse(ready.lastActivityAt()).plus(timeout).isBefore(Instant.now());
        } catch (RuntimeException e) {
            return false; // unreachable or odd answers are the health check's business, not the idle timer's
        }
    }
}
