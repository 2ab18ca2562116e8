package dev.rbee.queen.hive;

import dev.rbee.contract.Times;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HWorker;
import dev.rbee.contract.hive.HiveHealth;
import dev.rbee.contract.hive.Resources;
import dev.rbee.contract.queen.HeartbeatResources;
import dev.rbee.contract.queen.HiveState;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.HiveStopResponse;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.WorkerHealthEntry;
import dev.rbee.contract.queen.WorkersHealthResponse;
import dev.rbee.queen.registry.WorkerDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hive/start|stop|status} of a node (api.md §5.3). Only the built-in node {@code localhost} has a hive so far:
 * a child process of queen; any other name is NODE_NOT_FOUND until the registry knows remote nodes.
 */
public final class HiveControl {
    private static final Logger LOG = LoggerFactory.getLogger(HiveControl.class);
    private final LocalHive local;
    private final WorkerDirectory directory;

    private final HiveHeartbeats heartbeats;

    public HiveControl(LocalHive local, WorkerDirectory directory, HiveHeartbeats heartbeats) {
        this.local = local;
        this.directory = directory;
        this.heartbeats = heartbeats;
    }

    private RemoteHiveControl remote;

    /** Registered nodes: their hives are started over SSH (api.md §5.3). */
    public HiveControl remote(RemoteHiveControl remoteNodes) {
        this.remote = remoteNodes;
        return this;
    }

    private boolean isRemote(String node) {
        return remote != null && !LocalHive.NODE.equals(node) && remote.exists(node);
    }

    public HiveStatus start(String node) {
        if (isRemote(node)) {
            return remote.start(node);
        }
        requireKnown(node);
        boolean wasRunning = local.isRunning();
        local.ensureRunning(text -> LOG.info("{}", text));
        return status(node).withAlreadyRunning(wasRunning);
    }

    public HiveStopResponse stop(String node) {
        if (isRemote(node)) {
            HiveStopResponse stopped = remote.stop(node);
            directory.removeNode(node); // its heartbeats end: its workers are gone with it
            return stopped;
        }
        requireKnown(node);
        LocalHive.Stopped stopped = local.stop();
        return new HiveStopResponse(node, stopped.wasRunning(), stopped.workers(), stopped.forceKilled());
    }

    /** A live look at the hive: health, backends, resources and workers, each asked of the hive itself. */
    public HiveStatus status(String node) {
        return heartbeats.stamp(statusWithoutHeartbeat(node));
    }

    private HiveStatus statusWithoutHeartbeat(String node) {
        if (isRemote(node)) {
            return remote.status(node);
        }
        requireKnown(node);
        Optional<LocalHive.Running> running = local.running();
        if (running.isEmpty()) {
            return HiveStatus.stopped(node);
        }
        HiveClient hive = running.get().client();
        try {
            HiveHealth health = hive.health();
            Resources resources = hive.resources();
            return new HiveStatus(node, true, HiveState.RUNNING, local.url(), health.version(), running.get().pid(),
                    null, hive.backends().backends(),
                    new HeartbeatResources(resources.ramAvailableBytes(), resources.diskAvailableBytes()),
                    hive.workersList().workers().size(), null);
        } catch (RbeeException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("rbee-hive on {} runs but does not answer: {}", node, e.getMessage());
            return new HiveStatus(node, true, HiveState.UNREACHABLE, local.url(), null, running.get().pid(),
                    null, null, null, 0, null);
        }
    }

    /**
     * {@code GET /v2/workers/health?node=} (S029): the hive's workers asked live, each with the time queen last heard
     * of it. Ready means it can take a job now (idle, or busy with a free slot).
     */
    public WorkersHealthResponse workersHealth(String node) {
        if (node == null || node.isBlank()) {
            throw RbeeException.invalid(List.of(new FieldError("node", "required", "node is required", null)), null);
        }
        HiveClient hive = isRemote(node) ? remote.running(node).orElseThrow(() -> notRunning(node))
                : localClient(node);
        List<WorkerHealthEntry> workers = hive.workersList().workers().stream()
                .map(w -> new WorkerHealthEntry(w.workerId(), w.state(), isReady(w), lastHeartbeatUnix(w.workerId())))
                .toList();
        return new WorkersHealthResponse("ok", node, workers);
    }

    private HiveClient localClient(String node) {
        requireKnown(node);
        return local.running().orElseThrow(() -> RbeeException.of(ErrorCode.HIVE_NOT_RUNNING,
                "rbee-hive is not running on " + node, Map.of("node", node))).client();
    }

    private static RbeeException notRunning(String node) {
        return RbeeException.of(ErrorCode.HIVE_NOT_RUNNING, "rbee-hive is not running on " + node,
                Map.of("node", node));
    }

    private static boolean isReady(HWorker worker) {
        return WorkerState.IDLE.equals(worker.state())
                || WorkerState.BUSY.equals(worker.state()) && worker.slotsBusy() < worker.slotsTotal();
    }

    private Long lastHeartbeatUnix(String workerId) {
        return directory.find(workerId).map(QWorker::lastHeartbeatAt).filter(java.util.Objects::nonNull)
                .map(at -> Times.parse(at).getEpochSecond()).orElse(null);
    }

    private static void requireKnown(String node) {
        if (!LocalHive.NODE.equals(node)) {
            throw RbeeException.of(ErrorCode.NODE_NOT_FOUND, "Node '" + node + "' is not registered",
                    Map.of("node", String.valueOf(node)));
        }
    }
}
