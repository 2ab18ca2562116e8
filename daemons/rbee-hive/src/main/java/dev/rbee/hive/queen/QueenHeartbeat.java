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
 */
public final class QueenHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(QueenHeartbeat.class);
    static final long LEASE_MS = 15_000;

    private final QueenClient queen;
    private final String nodeName;
    private final String hiveUrl;
    private final String startedAt = Times.now();
    private final WorkerRegistry workers;
    private final DeviceInventory devices;
    private final Runnable leaseLost;
    private volatile long lastAcceptedNanos = System.nanoTime();

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
        timer.scheduleWithFixedDelay(this::beat, 0, HiveHeartbeatRequest.INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            queen.hiveHeartbeat(request());
            lastAcceptedNanos = System.nanoTime();
        } catch (RbeeException e) {
            if (e.is(ErrorCode.NODE_NOT_FOUND)) {
                LOG.warn("queen-rbee no longer knows node {}, shutting down", nodeName);
                leaseLost.run();
                return;
            }
            LOG.warn("Heartbeat refused: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("Heartbeat failed: {}", e.getMessage());
        }
        if (System.nanoTime() - lastAcceptedNanos > LEASE_MS * 1_000_000L) {
            LOG.warn("Lost contact with queen-rbee for 15 s; stopping {} worker(s) and exiting", workers.size());
            leaseLost.run();
        }
    }

    private HiveHeartbeatRequest request() {
        var resources = devices.resources();
        return new HiveHeartbeatRequest(nodeName, hiveUrl, Version.CURRENT, ProcessHandle.current().pid(), startedAt,
                workers.all().stream().map(WorkerEntry::toHeartbeat).toList(),
                new HeartbeatResources(resources.ramAvailableBytes(), resources.diskAvailableBytes()));
    }
}
