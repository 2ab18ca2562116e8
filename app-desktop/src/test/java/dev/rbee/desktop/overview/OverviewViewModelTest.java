package dev.rbee.desktop.overview;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.cluster.ClusterUpdate;
import dev.rbee.keeper.cluster.ConnectionState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overview's view model without the toolkit, fed with cluster events as queen writes them. */
class OverviewViewModelTest {
    private static final Json JSON = new Json();
    private static final Instant T0 = Instant.parse("2026-11-27T20:00:00Z");

    private static SseEvent event(String json) throws JsonDecodeException {
        return JSON.decode(json.replace('\'', '"'), SseEvent.class);
    }

    private static String node(String name) {
        return "{'node_name':'" + name + "','ssh_host':null,'ssh_port':null,'ssh_user':null,'ssh_key_path':null,"
                + "'install_path':'/opt/rbee','hive_port':9200,'hive_bind':null,'status':'reachable',"
                + "'last_connected_unix':null,'last_error':null,'backends':['cpu'],'devices':{'cpu':1},"
                + "'installed_version':'0.1.0','host_key_fingerprint':null}";
    }

    private static String worker(String id, String state) {
        return "{'worker_id':'" + id + "','node':'localhost','url':'http://127.0.0.1:8001','model_ref':'demo:tiny',"
                + "'resolved_ref':'demo:tiny','backend':'cpu','device':0,'state':'" + state + "','slots_total':1,"
                + "'slots_busy':0,'vram_bytes':0,'last_heartbeat_at':'2026-11-27T20:00:00Z','stale':false}";
    }

    private static ClusterState cluster() throws JsonDecodeException {
        String snapshot = "{'type':'snapshot','nodes':[" + node("localhost") + "," + node("gpu1") + "],"
                + "'hives':[{'node':'localhost','running':true,'state':'running','url':null,'version':'0.1.0',"
                + "'pid':null,'last_heartbeat_at':null,'backends':null,'resources':null,'workers':2}],"
                + "'workers':[" + worker("w1", "idle") + "," + worker("w2", "busy") + "],"
                + "'jobs':[{'job_id':'job-1','node':'localhost','model':'demo:tiny','worker_id':'w2',"
                + "'state':'running','tokens_out':4,'created_at':'2026-11-27T20:00:00Z',"
                + "'started_at':'2026-11-27T20:00:00Z','ended_at':null,'stop_reason':null,'error':null}]}";
        return ClusterState.of((SnapshotEvent) event(snapshot), T0);
    }

    @Test
    void aConnectedClusterFillsTheSummaryNodesAndJobs() throws JsonDecodeException {
        OverviewViewModel vm = new OverviewViewModel();
        vm.show(new ClusterUpdate(cluster(), ConnectionState.CONNECTED), T0);
        assertEquals("Connected to queen-rbee: live", vm.connectionProperty().get());
        assertFalse(vm.disconnectedProperty().get());
        assertEquals("2 nodes · 1 hive running · 2 workers (1 idle, 1 busy) · 1 job in flight",
                vm.summaryProperty().get());
        assertEquals(List.of(new NodeRow("localhost", "reachable", "running 0.1.0", 2),
                new NodeRow("gpu1", "reachable", "stopped", 0)), vm.nodes());
        assertEquals("job-1", vm.jobs().getFirst().jobId());
        assertEquals(4, vm.jobs().getFirst().tokens());
    }

    @Test
    void speedComesFromTokenProgressAndFallsWhenAJobGoesQuiet() throws JsonDecodeException {
        OverviewViewModel vm = new OverviewViewModel();
        ClusterState later = cluster().apply(event("{'type':'job','job_id':'job-1','node':'localhost',"
                + "'model':'demo:tiny','state':'running','tokens_out':24}"), T0.plusSeconds(1));
        vm.show(new ClusterUpdate(later, ConnectionState.CONNECTED), T0.plusSeconds(1));
        assertEquals("20.0 tokens/s across the cluster", vm.tokensPerSecondProperty().get());
        assertEquals("20.0 tokens/s", vm.jobs().getFirst().tokensPerSecond());
        vm.refresh(T0.plusSeconds(30));
        assertEquals("0.0 tokens/s across the cluster", vm.tokensPerSecondProperty().get());
    }

    @Test
    void aLostQueenShowsTheBannerWithTheReasonAndKeepsTheLastState() throws JsonDecodeException {
        OverviewViewModel vm = new OverviewViewModel();
        vm.show(new ClusterUpdate(cluster(), ConnectionState.CONNECTED), T0);
        vm.show(new ClusterUpdate(cluster(), ConnectionState.disconnected("connection refused", 3)), T0);
        assertTrue(vm.disconnectedProperty().get());
        assertEquals("⚠️ Lost queen-rbee (connection refused); reconnecting by itself (attempt 3)…",
                vm.connectionProperty().get());
        assertEquals(2, vm.nodes().size());
    }

    @Test
    void aHealthyClusterHasNoAlertsAndFailuresRaiseThemWorstFirst() throws JsonDecodeException {
        assertEquals(List.of(), OverviewAlerts.of(cluster()));
        String snapshot = "{'type':'snapshot','nodes':[" + node("gpu1").replace("'reachable'", "'unreachable'")
                .replace("'last_error':null", "'last_error':'Connection refused'") + "],"
                + "'hives':[{'node':'gpu1','running':true,'state':'running','url':null,'version':'0.0.9',"
                + "'pid':null,'last_heartbeat_at':null,'backends':null,'resources':null,'workers':2}],"
                + "'workers':[" + worker("w1", "error") + "," + worker("w2", "idle").replace("'stale':false",
                "'stale':true") + "],'jobs':[]}";
        List<String> alerts = OverviewAlerts.of(ClusterState.of((SnapshotEvent) event(snapshot), T0));
        assertEquals(List.of("❌ Worker w1 on localhost failed (demo:tiny)",
                "⚠️ Worker w2 on localhost missed its heartbeats (stale); no new jobs go to it",
                "⚠️ Node gpu1 is unreachable: Connection refused",
                "⚠️ The hive on gpu1 runs 0.0.9, this rbee-keeper is " + dev.rbee.contract.Version.CURRENT
                        + " (rbee-keeper setup install --node gpu1)"), alerts);
    }

    @Test
    void aQueenStoppedFromTheAppSaysSoInsteadOfReconnecting() throws JsonDecodeException {
        OverviewViewModel vm = new OverviewViewModel();
        vm.show(new ClusterUpdate(cluster(), ConnectionState.CONNECTED), T0);
        vm.queenStopped(true);
        vm.show(new ClusterUpdate(cluster(), ConnectionState.disconnected("Connection refused", 3)), T0);
        assertEquals(OverviewViewModel.QUEEN_STOPPED, vm.connectionProperty().get());
        assertTrue(vm.disconnectedProperty().get());
        vm.queenStopped(false);
        assertTrue(vm.connectionProperty().get().startsWith("⚠️ Lost queen-rbee (Connection refused)"));
        assertEquals(2, vm.state().nodes().size(), "the last state is kept for Stop everything");
    }

    @Test
    void elapsedTimesReadAsSecondsThenMinutes() {
        assertEquals("0 s", OverviewViewModel.elapsed(Duration.ofMillis(-5)));
        assertEquals("59 s", OverviewViewModel.elapsed(Duration.ofSeconds(59)));
        assertEquals("2 min 5 s", OverviewViewModel.elapsed(Duration.ofSeconds(125)));
    }
}
