package dev.rbee.desktop.board;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.cluster.ClusterUpdate;
import dev.rbee.keeper.cluster.ConnectionState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live board's view model without the toolkit, fed with cluster events as queen writes them. */
class BoardViewModelTest {
    private static final Json JSON = new Json();
    private static final Instant T0 = Instant.parse("2026-11-27T20:00:00Z");
    private static final Supplier<QueenClient> NO_QUEEN = () -> {
        throw KeeperErrors.local(KeeperErrors.QUEEN_UNREACHABLE, "Cannot connect to queen-rbee at http://127.0.0.1:7833",
                Map.of(KeeperErrors.URL, "http://127.0.0.1:7833"));
    };

    private final List<Runnable> background = new ArrayList<>();
    private final BoardViewModel vm = new BoardViewModel(NO_QUEEN, new RbeeHome(Path.of("/tmp/rbee-test")),
            background::add, Runnable::run);

    private static SseEvent event(String json) throws JsonDecodeException {
        return JSON.decode(json.replace('\'', '"'), SseEvent.class);
    }

    private static String worker(String id, int busy) {
        return "{'worker_id':'" + id + "','node':'localhost','url':'http://127.0.0.1:8001','model_ref':'demo:tiny',"
                + "'resolved_ref':'demo:tiny','backend':'cpu','device':0,'state':'" + (busy > 0 ? "busy" : "idle")
                + "','slots_total':1,'slots_busy':" + busy + ",'vram_bytes':0,"
                + "'last_heartbeat_at':'2026-11-27T20:00:00Z','stale':false}";
    }

    /** One job in flight on w2, which the snapshot names. */
    private static ClusterState cluster(String... workers) throws JsonDecodeException {
        String snapshot = "{'type':'snapshot','nodes':[],'hives':[],'workers':[" + String.join(",", workers) + "],"
                + "'jobs':[{'job_id':'job-1','node':'localhost','model':'demo:tiny','worker_id':'w2',"
                + "'state':'running','tokens_out':4,'created_at':'2026-11-27T20:00:00Z',"
                + "'started_at':'2026-11-27T20:00:00Z','ended_at':null,'stop_reason':null,'error':null}]}";
        return ClusterState.of((SnapshotEvent) event(snapshot), T0);
    }

    private static ClusterState job(ClusterState state, String id, String jobState, int tokens, Instant at)
            throws JsonDecodeException {
        String stop = "cancelled".equals(jobState) ? ",'stop_reason':'CANCELLED'" : "";
        return state.apply(event("{'type':'job','job_id':'" + id + "','node':'localhost','model':'demo:tiny',"
                + "'state':'" + jobState + "','tokens_out':" + tokens + stop + "}"), at);
    }

    private void show(ClusterState state, Instant now) {
        vm.show(new ClusterUpdate(state, ConnectionState.CONNECTED), now);
    }

    @Test
    void everyJobInFlightIsARowWithItsNodeWorkerModelAndTokens() throws JsonDecodeException {
        show(cluster(worker("w2", 1)), T0);
        assertEquals(1, vm.jobs().size());
        BoardJob row = vm.jobs().getFirst();
        assertEquals("job-1", row.jobId());
        assertEquals("localhost", row.nodeProperty().get());
        assertEquals("w2", row.workerProperty().get());
        assertEquals("demo:tiny", row.modelProperty().get());
        assertEquals("running", row.stateProperty().get());
        assertEquals(4, row.tokensProperty().get());
        assertEquals("0 s", row.elapsedProperty().get());
        assertEquals("1 job in flight · 0.0 tokens/s", vm.summaryProperty().get());
    }

    @Test
    void tokensGrowInTheSameRowSoTheTableKeepsItsSelection() throws JsonDecodeException {
        ClusterState first = cluster();
        show(first, T0);
        BoardJob row = vm.jobs().getFirst();
        show(job(first, "job-1", "running", 24, T0.plusSeconds(1)), T0.plusSeconds(1));
        assertSame(row, vm.jobs().getFirst());
        assertEquals(24, row.tokensProperty().get());
        assertEquals("20.0 tokens/s", row.speedProperty().get());
    }

    @Test
    void elapsedGrowsWithTheClockAlone() throws JsonDecodeException {
        show(cluster(), T0);
        vm.refresh(T0.plusSeconds(75));
        assertEquals("1 min 15 s", vm.jobs().getFirst().elapsedProperty().get());
        vm.refresh(T0.plusSeconds(2 * 3600 + 5 * 60));
        assertEquals("2 h 5 min", vm.jobs().getFirst().elapsedProperty().get());
    }

    @Test
    void aFinishedJobLeavesTheBoardAndItsStreamSaysHowItEnded() throws JsonDecodeException {
        ClusterState state = cluster();
        show(state, T0);
        vm.select("job-1");
        background.clear(); // the follow stream has its own test
        assertTrue(vm.cancellableProperty().get());
        state = job(state, "job-1", "running", 12, T0.plusSeconds(1));
        show(state, T0.plusSeconds(1));
        assertTrue(vm.detailTitleProperty().get().startsWith("job-1 · demo:tiny on localhost / w2 · 12 tokens"),
                vm.detailTitleProperty().get());
        state = job(state, "job-1", "cancelled", 15, T0.plusSeconds(2));
        show(state, T0.plusSeconds(2));

        assertTrue(vm.jobs().isEmpty());
        assertEquals("No job in flight", vm.summaryProperty().get());
        assertFalse(vm.cancellableProperty().get());
        assertEquals("job-1 · no longer in flight", vm.detailTitleProperty().get());
        String[] lines = vm.detailStreamProperty().get().split("\n");
        assertEquals(3, lines.length, vm.detailStreamProperty().get());
        assertTrue(lines[0].endsWith("running · 4 tokens"), lines[0]);
        assertTrue(lines[1].endsWith("running · 12 tokens (+8)"), lines[1]);
        assertTrue(lines[2].endsWith("ended: cancelled (CANCELLED) after 15 tokens"), lines[2]);
    }

    @Test
    void aJobNewToTheBoardGetsTheOnlyBusyWorkerOfItsModelOrAsksQueen() throws JsonDecodeException {
        ClusterState busy = job(cluster(worker("w7", 1)), "job-2", "running", 1, T0.plusSeconds(1));
        show(busy, T0.plusSeconds(1));
        assertEquals("w7", vm.jobs().get(1).workerProperty().get());
        assertTrue(background.isEmpty(), "no need to ask queen");

        ClusterState idle = job(cluster(worker("w7", 0)), "job-3", "running", 1, T0.plusSeconds(1));
        show(idle, T0.plusSeconds(1));
        assertEquals(BoardJob.WORKER_UNKNOWN, vm.jobs().get(1).workerProperty().get());
        assertEquals(1, background.size(), "GET /v2/tasks/job-3 asked once");
        background.removeFirst().run(); // queen is away: the column keeps its placeholder
        vm.refresh(T0.plusSeconds(2));
        assertEquals(BoardJob.WORKER_UNKNOWN, vm.jobs().get(1).workerProperty().get());
        assertTrue(background.isEmpty(), "asked only once");
    }

    @Test
    void cancelWithoutQueenShowsTheSpecsMessageNotAStackTrace() throws JsonDecodeException {
        show(cluster(), T0);
        vm.cancelSelected();
        assertTrue(background.isEmpty(), "nothing selected, nothing sent");
        vm.select("job-1");
        assertEquals(1, background.size(), "selecting a job opens its stream in the background");
        background.removeFirst().run(); // queen is away: the followed text says so, the spec's way
        assertTrue(vm.followedTextProperty().get().contains("QUEEN_UNREACHABLE"), vm.followedTextProperty().get());
        vm.cancelSelected();
        assertEquals("Cancelling job-1…", vm.statusProperty().get());
        background.removeFirst().run();
        assertTrue(vm.errorProperty().get().contains("❌ Error: Cannot connect to queen-rbee"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("QUEEN_UNREACHABLE"), vm.errorProperty().get());
        assertEquals("", vm.statusProperty().get());
    }

    @Test
    void theFollowedTextGrowsInOneHandOverPerBatchAndEndsWithHowTheJobEnded() throws JsonDecodeException {
        List<Runnable> uiQueue = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        TokenFollow follow = new TokenFollow("job-1", uiQueue::add, shown::add);
        for (String token : List.of("Bees", " make", " honey", "")) {
            follow.accept(event("{'type':'token','t':'" + token + "','i':0}"));
        }
        assertEquals(1, uiQueue.size(), "one pending hand-over for the whole batch, not one per token");
        uiQueue.removeFirst().run();
        assertEquals(List.of("Bees make honey"), shown);

        follow.accept(event("{'type':'token','t':' all day','i':3}"));
        follow.accept(event("{'type':'narration','actor':'queen-rbee','action':'x','human':'ignored','job_id':'job-1'}"));
        follow.accept(event("{'type':'end','tokens_out':4,'decode_time_ms':10,'stop_reason':'CANCELLED'}"));
        assertEquals(1, uiQueue.size());
        uiQueue.removeFirst().run();
        assertEquals("Bees make honey all day\n\n[ended: CANCELLED after 4 tokens]", shown.getLast());

        follow.accept(event("{'type':'token','t':'late','i':4}"));
        follow.close();
        uiQueue.removeFirst().run();
        assertEquals(2, shown.size(), "nothing reaches the screen after close");
    }
}
