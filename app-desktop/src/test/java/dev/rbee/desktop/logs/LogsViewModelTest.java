package dev.rbee.desktop.logs;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;
import dev.rbee.contract.sse.LogEvent;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cluster.ClusterState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logs screen's view model without the toolkit: levels, filter, pause and catch-up, the cap, errors. */
class LogsViewModelTest {
    private static final Supplier<QueenClient> NO_QUEEN = () -> {
        throw KeeperErrors.local(KeeperErrors.QUEEN_UNREACHABLE, "Cannot connect to queen-rbee at http://127.0.0.1:7833",
                Map.of(KeeperErrors.URL, "http://127.0.0.1:7833"));
    };

    private final List<Runnable> background = new ArrayList<>();

    private LogsViewModel vm(int cap) {
        return new LogsViewModel(NO_QUEEN, new RbeeHome(Path.of("/tmp/rbee-test")), background::add, Runnable::run,
                cap);
    }

    private static void receive(LogsViewModel vm, String... lines) {
        for (String line : lines) {
            vm.accept(vm.generation(), new LogEvent("localhost", "queen-rbee", line));
        }
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    @Test
    void theLevelIsReadFromTheFirstWordsOfTheLine() {
        assertEquals(LogLevel.INFO, LogLevel.of("2026-11-27T23:18:02.583Z INFO QueenDaemon - Starting queen-rbee"));
        assertEquals(LogLevel.ERROR, LogLevel.of("2026-11-27T23:18:02.583Z ERROR InferenceService - Job x failed"));
        assertEquals(LogLevel.WARN, LogLevel.of("2026-11-27T23:18:02.583Z WARN HiveControl - slow"));
        assertEquals(LogLevel.WARN, LogLevel.of("[llm-worker-rbee] WARNING: low memory"));
        assertEquals(LogLevel.DEBUG, LogLevel.of("2026-11-27T23:18:02.583Z DEBUG x - y"));
        assertEquals(LogLevel.DEBUG, LogLevel.of("2026-11-27T23:18:02.583Z [main] TRACE x - y"));
        assertEquals(LogLevel.OTHER, LogLevel.of("a line without any level at all, not even ERROR late"));
        assertEquals(LogLevel.INFO, LogLevel.of("2026-11-27T23:18:02.583Z INFO x - an ERROR in the message"));
        assertEquals("log-error", LogLevel.ERROR.styleClass);
        assertEquals("log-debug", LogLevel.DEBUG.styleClass);
    }

    @Test
    void theFilterHidesLinesWithoutItsTextAndKeepsThemForLater() {
        LogsViewModel vm = vm(100);
        receive(vm, "1 INFO HiveControl - Starting rbee-hive on localhost", "2 INFO QueenDaemon - Starting",
                "3 WARN LocalHive - rbee-hive on localhost is slow");
        vm.filterProperty().set("rbee-HIVE");
        assertEquals(List.of("1 INFO HiveControl - Starting rbee-hive on localhost",
                "3 WARN LocalHive - rbee-hive on localhost is slow"), texts(vm.visibleLines()));
        receive(vm, "4 INFO QueenDaemon - nothing to do with it");
        assertEquals(2, vm.visibleLines().size(), "new lines are filtered as well");
        vm.filterProperty().set("");
        assertEquals(4, vm.visibleLines().size());
    }

    @Test
    void pauseKeepsReceivingAndCatchesUpWhenReleased() {
        LogsViewModel vm = vm(100);
        receive(vm, "1 INFO a");
        vm.pausedProperty().set(true);
        receive(vm, "2 INFO b", "3 ERROR c");
        assertEquals(List.of("1 INFO a"), texts(vm.lines()), "the view stands still");
        assertEquals(2, vm.held());
        assertEquals("Paused: 2 new lines waiting", vm.statusProperty().get());
        vm.pausedProperty().set(false);
        assertEquals(List.of("1 INFO a", "2 INFO b", "3 ERROR c"), texts(vm.lines()));
        assertEquals(LogLevel.ERROR, vm.lines().get(2).level());
        assertEquals(0, vm.held());
    }

    @Test
    void theCapKeepsOnlyTheNewestLinesShownOrHeld() {
        LogsViewModel vm = vm(5);
        for (int i = 1; i <= 8; i++) {
            receive(vm, "line " + i);
        }
        assertEquals(List.of("line 4", "line 5", "line 6", "line 7", "line 8"), texts(vm.lines()));
        vm.pausedProperty().set(true);
        for (int i = 9; i <= 20; i++) {
            receive(vm, "line " + i);
        }
        assertEquals(5, vm.held(), "held lines are capped too");
        vm.pausedProperty().set(false);
        assertEquals(List.of("line 16", "line 17", "line 18", "line 19", "line 20"), texts(vm.lines()));
    }

    @Test
    void linesOfAReplacedStreamAreDropped() {
        LogsViewModel vm = vm(100);
        receive(vm, "old 1");
        int old = vm.generation();
        vm.start(); // another source or Reload: the view starts over
        assertTrue(vm.lines().isEmpty());
        vm.accept(old, new LogEvent("localhost", "queen-rbee", "old 2"));
        assertTrue(vm.lines().isEmpty(), "a late line of the old stream is not shown");
    }

    @Test
    void withoutQueenTheSpecsMessageIsShownNotAStackTrace() {
        LogsViewModel vm = vm(100);
        vm.start();
        assertEquals("Opening queen-rbee's log…", vm.statusProperty().get());
        background.removeFirst().run();
        assertTrue(vm.errorProperty().get().contains("❌ Error: Cannot connect to queen-rbee"), vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("QUEEN_UNREACHABLE"));
        assertEquals("", vm.statusProperty().get());
    }

    @Test
    void theSourcesAreQueenThenEachNodesHiveThenEachWorker() throws JsonDecodeException {
        String worker = "{'worker_id':'worker-1','node':'gpu1','url':null,'model_ref':'demo:tiny','resolved_ref':null,"
                + "'backend':'cpu','device':0,'state':'idle','slots_total':1,'slots_busy':0,'vram_bytes':0,"
                + "'last_heartbeat_at':null,'stale':false}";
        String snapshot = "{'type':'snapshot','nodes':[],'hives':[{'node':'localhost','running':true,'state':'running',"
                + "'url':null,'version':null,'pid':null,'last_heartbeat_at':null,'backends':null,'resources':null,"
                + "'workers':0}],'workers':[" + worker + "],'jobs':[]}";
        SseEvent event = new Json().decode(snapshot.replace('\'', '"'), SseEvent.class);
        LogsViewModel vm = vm(100);
        vm.showCluster(ClusterState.of((SnapshotEvent) event, Instant.now()));
        assertEquals(List.of(LogSource.QUEEN, LogSource.hive("localhost"), LogSource.worker("gpu1", "worker-1")),
                vm.sources());
        assertEquals(List.of("queen-rbee", "rbee-hive on localhost", "worker-1 on gpu1"),
                vm.sources().stream().map(LogSource::label).toList());
        vm.sourceProperty().set(LogSource.worker("gpu1", "worker-1"));
        String twoWorkers = snapshot.replace("'workers':[", "'workers':[" + worker.replace("worker-1", "worker-0") + ",");
        SseEvent later = new Json().decode(twoWorkers.replace('\'', '"'), SseEvent.class);
        vm.showCluster(ClusterState.of((SnapshotEvent) later, Instant.now()));
        assertEquals(List.of(LogSource.QUEEN, LogSource.hive("localhost"), LogSource.worker("gpu1", "worker-0"),
                LogSource.worker("gpu1", "worker-1")), vm.sources(), "a new worker is inserted in queen's order");
        assertEquals(LogSource.worker("gpu1", "worker-1"), vm.sourceProperty().get(), "the choice stays");
    }
}
