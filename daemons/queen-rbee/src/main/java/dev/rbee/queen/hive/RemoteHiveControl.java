package dev.rbee.queen.hive;

import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.hive.HiveHealth;
import dev.rbee.contract.hive.Resources;
import dev.rbee.contract.queen.HeartbeatResources;
import dev.rbee.contract.queen.HiveState;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.HiveStopResponse;
import dev.rbee.queen.nodes.NodeRegistry;
import dev.rbee.queen.nodes.RemoteHiveStop;
import dev.rbee.queen.nodes.RemoteHives;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code hive/start|stop|status} of a registered node (api.md §5.3), and its part of the cascade (§12). */
public final class RemoteHiveControl {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHiveControl.class);
    private final NodeRegistry registry;
    private final RemoteHives hives;
    private final RemoteHiveStop stopper;

    public RemoteHiveControl(NodeRegistry registry, RemoteHives hives) {
        this.registry = registry;
        this.hives = hives;
        this.stopper = new RemoteHiveStop(hives, registry);
    }

    boolean exists(String node) {
        return registry.find(node).isPresent();
    }

    HiveStatus start(String node) {
        boolean wasRunning = hives.ifRunning(node).isPresent();
        hives.connect(node, text -> LOG.info("{}", text));
        return status(node).withAlreadyRunning(wasRunning);
    }

    HiveStopResponse stop(String node) {
        return stopper.stop(node);
    }

    /** {@code remove-node}: the node's hive is stopped first (api.md §5.2); true when one ran. */
    public boolean stopForRemoval(String node) {
        try {
            return stopper.stop(node).stopped();
        } catch (RuntimeException e) {
            LOG.warn("Removing {}: cannot stop its rbee-hive: {}", node, e.getMessage());
            return false;
        }
    }

    Optional<HiveClient> running(String node) {
        return hives.ifRunning(node);
    }

    HiveStatus status(String node) {
        Optional<HiveClient> running = hives.ifRunning(node);
        if (running.isEmpty()) {
            return HiveStatus.stopped(node);
        }
        HiveClient hive = running.get();
        Long pid = hives.pid(node) > 0 ? hives.pid(node) : null;
        try {
            HiveHealth health = hive.health();
            Resources resources = hive.resources();
            return new HiveStatus(node, true, HiveState.RUNNING, hives.url(node), health.version(), pid, null,
                    hive.backends().backends(),
                    new HeartbeatResources(resources.ramAvailableBytes(), resources.diskAvailableBytes()),
                    hive.workersList().workers().size(), null);
        } catch (RuntimeException e) {
            LOG.warn("rbee-hive on {} runs but does not answer: {}", node, e.getMessage());
            return new HiveStatus(node, true, HiveState.UNREACHABLE, hives.url(node), null, pid, null, null, null,
                    0, null);
        }
    }

    /**
     * The cascade: every registered node's hive that queen started or heard from is stopped, all at once (api.md §12:
     * "to every hive in parallel"), so one hive waiting 30 s for a stuck worker does not hold up the others.
     */
    public List<HiveStopResponse> stopAll() {
        List<java.util.concurrent.CompletableFuture<Optional<HiveStopResponse>>> stopping = hives.known().stream()
                .map(node -> java.util.concurrent.CompletableFuture.supplyAsync(() -> stopInCascade(node),
                        r -> Thread.ofVirtual().start(r)))
                .toList();
        List<HiveStopResponse> stopped = new ArrayList<>();
        stopping.forEach(f -> f.join().ifPresent(stopped::add));
        return stopped;
    }

    private Optional<HiveStopResponse> stopInCascade(String node) {
        try {
            HiveStopResponse answer = stopper.stop(node);
            return answer.stopped() ? Optional.of(answer) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("Cascade: cannot stop rbee-hive on {}: {}", node, e.getMessage());
            return Optional.empty();
        }
    }
}
