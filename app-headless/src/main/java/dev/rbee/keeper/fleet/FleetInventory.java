package dev.rbee.keeper.fleet;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.cluster.ClusterState;

import java.util.ArrayList;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** The processes a cluster state says are running: queen, every running hive and every worker. */
public final class FleetInventory {
    /** The built-in node runs on this machine, so its pids can be checked here. */
    private static final String LOCAL_NODE = "localhost";

    private FleetInventory() {
    }

    /** @param queenPid null when queen was not started from this machine by keeper (its pid is unknown here) */
    public static List<FleetProcess> of(ClusterState state, QueenUrl queen, Long queenPid) {
        List<FleetProcess> processes = new ArrayList<>();
        processes.add(new FleetProcess(FleetProcess.Kind.QUEEN, LOCAL_NODE, FleetProcess.QUEEN_NAME,
                queen.text() + ApiPaths.QUEEN_HEALTH, queenPid));
        for (HiveStatus hive : state.hives().values()) {
            if (hive.running() && hive.url() != null) {
                processes.add(new FleetProcess(FleetProcess.Kind.HIVE, hive.node(), FleetProcess.HIVE_NAME,
                        hive.url() + ApiPaths.HIVE_HEALTH, LOCAL_NODE.equals(hive.node()) ? hive.pid() : null));
            }
        }
        for (QWorker worker : state.workers().values()) {
            processes.add(new FleetProcess(FleetProcess.Kind.WORKER, worker.node(), worker.workerId(),
                    worker.url() + ApiPaths.WORKER_HEALTH, null));
        }
        return processes;
    }

    /**
     * The same list with the pid of every process that listens on a loopback port of this machine, looked up
     * before the stop (afterwards the port is closed and tells nothing).
     */
    public static List<FleetProcess> withLocalPids(List<FleetProcess> processes) {
        return processes.stream().map(process -> process.pid() != null ? process : localPid(process)
                .map(pid -> new FleetProcess(process.kind(), process.node(), process.name(), process.url(), pid))
                .orElse(process)).toList();
    }

    private static Optional<Long> localPid(FleetProcess process) {
        try {
            URI url = URI.create(process.url());
            boolean loopback = "localhost".equalsIgnoreCase(url.getHost())
                    || url.getHost() != null && url.getHost().matches("[0-9.:\\[\\]]+")
                    && InetAddress.getByName(url.getHost()).isLoopbackAddress();
            return loopback && url.getPort() > 0 ? ListeningPids.of(url.getPort()) : Optional.empty();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return Optional.empty(); // a URL that does not parse: checked over HTTP instead
        }
    }
}
