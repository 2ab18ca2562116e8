package dev.rbee.keeper.cluster;

import static dev.rbee.keeper.cluster.Wire.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeStatus;
import dev.rbee.contract.sse.SnapshotEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStateTest {
    private static final Instant T0 = Instant.parse("2026-11-27T20:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);

    private static ClusterState twoNodes() {
        return ClusterState.of((SnapshotEvent) event(Wire.snapshot(
                Wire.node("localhost", "reachable") + "," + Wire.node("gpu1", "reachable"),
                Wire.hive("localhost", "running") + "," + Wire.hive("gpu1", "running"),
                Wire.worker("w1", "localhost", "idle") + "," + Wire.worker("w2", "gpu1", "busy"),
                Wire.job("job-1", "running", 4))), T0);
    }

    @Test
    void snapshotFillsEverything() {
        ClusterState s = twoNodes();
        assertEquals(List.of("localhost", "gpu1"), List.copyOf(s.nodes().keySet()));
        assertEquals(2, s.runningHives());
        assertEquals(Map.of("loading", 0, "idle", 1, "busy", 1, "draining", 0, "error", 0), s.workerCounts());
        assertEquals("job-1", s.activeJobs().getFirst().job().jobId());
        assertEquals(T0, s.snapshotAt());
        assertTrue(s.recentJobs().isEmpty());
    }

    @Test
    void aNewSnapshotReplacesEverything() {
        ClusterState s = twoNodes().apply(event(Wire.snapshot(Wire.node("localhost", "reachable"),
                Wire.hive("localhost", "stopped"), "", "")), T1);
        assertEquals(List.of("localhost"), List.copyOf(s.nodes().keySet()));
        assertTrue(s.workers().isEmpty());
        assertTrue(s.activeJobs().isEmpty());
        assertEquals(T1, s.snapshotAt());
    }

    @Test
    void nodeAddedIsAPlaceholderUntilTheRegistryIsRead() {
        ClusterState s = twoNodes().apply(event("{'type':'node','node_name':'gpu2','action':'added'}"), T1);
        assertEquals(NodeStatus.UNKNOWN, s.nodes().get("gpu2").status());
        Node full = twoNodes().nodes().get("gpu1");
        ClusterState read = s.withNodes(List.of(full), T1);
        assertEquals(List.of("gpu1"), List.copyOf(read.nodes().keySet()));
    }

    @Test
    void nodeUpdatedOfAKnownNodeChangesNothingByItself() {
        ClusterState s = twoNodes();
        assertSame(s, s.apply(event("{'type':'node','node_name':'gpu1','action':'updated'}"), T1));
    }

    @Test
    void nodeRemovedDropsItsHiveWorkersAndDownloadsButKeepsJobs() {
        ClusterState s = twoNodes()
                .apply(event("{'type':'download','node':'gpu1','download_id':'d1','model_ref':'hf:a/b',"
                        + "'bytes_downloaded':5,'bytes_total':10,'state':'running'}"), T1)
                .apply(event("{'type':'node','node_name':'gpu1','action':'removed'}"), T1);
        assertFalse(s.nodes().containsKey("gpu1"));
        assertTrue(s.hive("gpu1").isEmpty());
        assertEquals(List.of("w1"), List.copyOf(s.workers().keySet()));
        assertTrue(s.downloads().isEmpty());
        assertEquals(1, s.activeJobs().size());
    }

    @Test
    void removalsOfUnknownOrAlreadyRemovedIdsChangeNothing() {
        ClusterState s = twoNodes().apply(event("{'type':'node','node_name':'gpu1','action':'removed'}"), T1);
        assertSame(s, s.apply(event("{'type':'node','node_name':'gpu1','action':'removed'}"), T1));
        assertSame(s, s.apply(event("{'type':'worker','worker_id':'w2','state':'removed'}"), T1));
        assertSame(s, s.apply(event("{'type':'worker','worker_id':'nope','state':'removed'}"), T1));
        assertSame(s, s.apply(event("{'type':'download','node':'x','download_id':'nope','model_ref':'m',"
                + "'bytes_downloaded':0,'bytes_total':null,'state':'failed'}"), T1));
    }

    @Test
    void hiveEventsSetStateAndVersion() {
        ClusterState s = twoNodes().apply(event("{'type':'hive','node':'gpu1','state':'stopping'}"), T1);
        assertEquals("stopping", s.hive("gpu1").orElseThrow().state());
        assertFalse(s.hive("gpu1").orElseThrow().running());
        s = s.apply(event("{'type':'hive','node':'gpu1','state':'stopped'}"), T1);
        assertNull(s.hive("gpu1").orElseThrow().version());
        s = s.apply(event("{'type':'hive','node':'gpu3','state':'running','version':'0.1.0'}"), T1);
        assertEquals("0.1.0", s.hive("gpu3").orElseThrow().version());
        assertTrue(s.hive("gpu3").orElseThrow().running());
        assertSame(s, s.apply(event("{'type':'hive','node':'gpu3','state':'running','version':'0.1.0'}"), T1));
    }

    @Test
    void workerEventsAddUpdateAndRemove() {
        ClusterState s = twoNodes().apply(event(Wire.workerEvent("w3", "localhost", "loading")), T1);
        assertEquals("loading", s.workers().get("w3").state());
        s = s.apply(event(Wire.workerEvent("w3", "localhost", "busy")), T1);
        assertEquals(1, s.workers().get("w3").slotsBusy());
        assertEquals(2, s.workersOn("localhost").size());
        s = s.apply(event("{'type':'worker','worker_id':'w3','state':'removed'}"), T1);
        assertFalse(s.workers().containsKey("w3"));
    }

    @Test
    void aWorkerEventWithOnlySomeFieldsKeepsTheOthers() {
        ClusterState s = twoNodes().apply(event("{'type':'worker','worker_id':'w1','state':'draining'}"), T1);
        assertEquals("draining", s.workers().get("w1").state());
        assertEquals("localhost", s.workers().get("w1").node());
        assertEquals("demo:tiny", s.workers().get("w1").modelRef());
    }

    @Test
    void downloadsInProgressOnly() {
        ClusterState s = twoNodes().apply(event("{'type':'download','node':'gpu1','download_id':'d1',"
                + "'model_ref':'hf:a/b','bytes_downloaded':5,'bytes_total':10,'state':'running'}"), T1);
        assertEquals(5, s.downloads().get("d1").bytesDownloaded());
        s = s.apply(event("{'type':'download','node':'gpu1','download_id':'d1','model_ref':'hf:a/b',"
                + "'bytes_downloaded':10,'bytes_total':10,'state':'complete'}"), T1);
        assertTrue(s.downloads().isEmpty());
    }

    @Test
    void shutdownAndUnknownTypesChangeNothing() {
        ClusterState s = twoNodes();
        assertSame(s, s.apply(event("{'type':'shutdown'}"), T1));
        assertSame(s, s.apply(event("{'type':'galaxy','x':1}"), T1));
    }

    @Test
    void theStateIsImmutable() {
        ClusterState s = twoNodes();
        assertThrows(UnsupportedOperationException.class, () -> s.workers().remove("w1"));
        assertThrows(UnsupportedOperationException.class, () -> s.nodes().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.jobs().active().clear());
        assertThrows(UnsupportedOperationException.class, () -> s.workerCounts().put("idle", 9));
    }
}
