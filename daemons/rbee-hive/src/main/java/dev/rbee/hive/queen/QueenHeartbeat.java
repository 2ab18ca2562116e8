package dev.rbee.hive.queen;

import dev.rbee.contract.Times;
import dev.rbee.contract.Version;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.HeartbeatResources;
import dev.rbee.contract.queen.HiveHeartbeatRequest;
import dev.rbee.hive.devices.DeviceInventory;
import dev.rbee.hive.workers.WorkerEntry;
import dev.rbee.hive.workers.WorkerRegistry;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells queen every 5 s that this hive and its workers are alive. When queen has not answered for 15 s (or says the
 * node was removed) the hive shuts itself and its workers down, so a dead queen leaves nothing behind (api.md §12).
 * After a failed beat it tries again every second, so a queen restarted within the lease hears from it at once (S126).
 */
public final class QueenHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(QueenHeartbeat.class);
    static final long LEASE_MS = 15_000;
    static final long RETRY_MS = 1_000;

    private final QueenClient queen;
    private final String nodeName;
    private final String hiveUrl;
    private final String startedAt = Times.now();
    private final WorkerRegistry workers;
    private final DeviceInventory devices;
    private final Runnable leaseLost;
    private volatile long lastAcceptedNanos = System.nanoTime();
    private int failedInARow;
    private ScheduledExecutorService timer;

    public QueenHeartbeat(String queenUrl, String secret, Json json, String nodeName, String hiveUrl,
                          WorkerRegistry workers, DeviceInventory devices, Runnable leaseLost) {
        this.queen = new QueenClient(new HttpJson(Endpoint.of(queenUrl, secret, Duration.ofSeconds(2),
                Duration.ofSeconds(4)), json));
        this.nodeName = nodeName;
        this.hiveUrl = hiveUrl;
        this.workers = workers;
        this.devices = devices;
        this.leaseLost = leaseLost;
    }

    public void start(ScheduledExecutorService timer) {
        this.timer = timer;
        timer.schedule(this::beatAndReschedule, 0, TimeUnit.MILLISECONDS);
    }

    /** Every 5 s while queen answers, every second after a failed beat; never again once the lease is lost. */
    private void beatAndReschedule() {
        boolean accepted;
        try {
            accepted = beat();
        } catch (LeaseEnded e) {
            return;
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat failed unexpectedly: {}", e.toString());
            accepted = false;
        }
        timer.schedule(this::beatAndReschedule, accepted ? HiveHeartbeatRequest.INTERVAL_MS : RETRY_MS,
                TimeUnit.MILLISECONDS);
    }

    private boolean beat() {
        try {
            queen.hiveHeartbeat(request());
            if (failedInARow > 0) {
                LOG.info("Heartbeat accepted by queen-rbee again after {} failed attempt(s), {} ms without contact",
                        failedInARow, (System.nanoTime() - lastAcceptedNanos) / 1_000_000);
            }
            failedInARow = 0;
            lastAcceptedNanos = System.nanoTime();
            return true;
        } catch (RbeeException e) {
            if (e.is(ErrorCode.NODE_NOT_FOUND)) {
                LOG.warn("queen-rbee no longer knows node {}, shutting down", nodeName);
                leaseLost.run();
                throw new LeaseEnded();
            }
            LOG.warn("Heartbeat refused: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("Heartbeat failed: {}", e.getMessage());
        }
        failedInARow++;
        if (System.nanoTime() - lastAcceptedNanos > LEASE_MS * 1_000_000L) {
            LOG.warn("Lost contact with queen-rbee for 15 s; stopping {} worker(s) and exiting", workers.size());
            leaseLost.run();
            throw new LeaseEnded();
        }
        return false;
    }

    /** The hive is shutting down: no further beat. */
    private static final class LeaseEnded extends RuntimeException {
        LeaseEnded() {
            super(null, null, false, false);
        }
    }

    private HiveHeartbeatRequest request() {
        var resources = devices.resources();
        return new HiveHeartbeatRequest(nodeName, hiveUrl, Version.CURRENT, ProcessHandle.current().pid(), startedAt,
                workers.all().stream().map(WorkerEntry::toHeartbeat).toList(),
                new HeartbeatResources(resources.ramAvailableBytes(), resources.diskAvailableBytes()));
    }
}
