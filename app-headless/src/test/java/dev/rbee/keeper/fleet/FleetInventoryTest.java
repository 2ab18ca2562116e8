package dev.rbee.keeper.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.cluster.ClusterState;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What "Stop everything" will check afterwards: pids only where this machine can see them. */
class FleetInventoryTest {
    private static final Instant T0 = Instant.parse("2026-11-27T20:00:00Z");

    private static HiveStatus running(String node, long pid) {
        return new HiveStatus(node, true, "running", "http://10.0.0.7:9200", "0.1.0", pid, null, null, null, 1, null);
    }

    private static QWorker worker(String id, String node) {
        return new QWorker(id, node, "http://10.0.0.7:8001", "demo:tiny", "demo:tiny", "cpu", 0, "idle", 1, 0, 0,
                null, false);
    }

    @Test
    void queenRunningHivesAndWorkersAreListedWithLocalPidsOnly() {
        ClusterState state = new ClusterState(Map.of(),
                Map.of("localhost", running("localhost", 41), "gpu1", running("gpu1", 42),
                        "gpu2", HiveStatus.stopped("gpu2")),
                Map.of("worker-a", worker("worker-a", "gpu1")), ClusterState.empty(T0).jobs(), Map.of(), T0, T0);
        List<FleetProcess> processes = FleetInventory.of(state, QueenUrl.parse("http://127.0.0.1:8080"), 7L);

        assertEquals(new FleetProcess(FleetProcess.Kind.QUEEN, "localhost", "queen-rbee",
                "http://127.0.0.1:8080/health", 7L), processes.getFirst());
        assertEquals(List.of("localhost:41", "gpu1:null"), processes.stream()
                .filter(p -> p.kind() == FleetProcess.Kind.HIVE).map(p -> p.node() + ":" + p.pid()).sorted(
                        java.util.Comparator.reverseOrder()).toList());
        assertEquals(new FleetProcess(FleetProcess.Kind.WORKER, "gpu1", "worker-a", "http://10.0.0.7:8001/health",
                null), processes.getLast());
        assertEquals(4, processes.size(), "the stopped hive is not listed");
    }

    @Test
    void theProcessListeningOnALoopbackPortIsFoundByItsPid() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FleetProcess worker = new FleetProcess(FleetProcess.Kind.WORKER, "localhost", "worker-a",
                    "http://127.0.0.1:" + socket.getLocalPort() + "/health", null);
            FleetProcess remote = new FleetProcess(FleetProcess.Kind.WORKER, "gpu1", "worker-b",
                    "http://10.0.0.7:" + socket.getLocalPort() + "/health", null);
            List<FleetProcess> resolved = FleetInventory.withLocalPids(List.of(worker, remote));
            assertEquals(ProcessHandle.current().pid(), resolved.get(0).pid());
            assertEquals(null, resolved.get(1).pid(), "another machine's port says nothing about this one");
        }
    }
}
