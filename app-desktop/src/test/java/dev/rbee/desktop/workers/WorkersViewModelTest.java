package dev.rbee.desktop.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.RbeeHome;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.contract.hive.Model;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.cluster.JobBoard;
import dev.rbee.keeper.cluster.TrackedJob;
import dev.rbee.keeper.queen.QueenSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The workers view model without a toolkit or queen: form checks, the preview, and the table rows. */
class WorkersViewModelTest {
    static final long GB = 1_000_000_000L;
    @TempDir
    Path home;
    final AtomicInteger queenCalls = new AtomicInteger();

    /** A queen that is never there: any call counts and fails as an unreachable queen would. */
    final Supplier<QueenSession> noQueen = () -> {
        queenCalls.incrementAndGet();
        throw KeeperErrors.queenUnreachable(QueenUrl.resolve(null, Map.of(), "http://127.0.0.1:1"));
    };

    WorkersViewModel vm(Clock clock) {
        WorkersViewModel vm = new WorkersViewModel(noQueen, new RbeeHome(home), Runnable::run, Runnable::run, clock);
        vm.nodeProperty().set("workstation");
        vm.showFacts(new NodeFacts("workstation", PlacementTest.workstation(16 * GB), List.of("cuda", "cpu"),
                List.of(model("hf:org/big:Q4", 5 * GB), model("demo:tiny", 1_000_000L))));
        queenCalls.set(0);
        return vm;
    }

    static Model model(String ref, long size) {
        return new Model("m-" + ref.hashCode(), ref, "hf", ref, "model.gguf", "/models/x.gguf", size, null, null,
                "llama", 0);
    }

    @Test
    void theChoosersOfferTheNodesBackendsDevicesAndModels() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        assertEquals(List.of("auto", "cuda", "cpu"), vm.backends());
        assertEquals(List.of("hf:org/big:Q4", "demo:tiny"), vm.models());
        vm.backendProperty().set("cuda");
        assertEquals(List.of("auto", "0", "1"), vm.devices());
    }

    @Test
    void thePreviewFollowsTheForm() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        vm.modelProperty().set("hf:org/big:Q4");
        vm.backendProperty().set("cuda");
        vm.deviceProperty().set("0");
        assertTrue(vm.fitsProperty().get(), vm.previewProperty().get());
        vm.deviceProperty().set("1");
        assertFalse(vm.fitsProperty().get());
        assertEquals("⚠ Not enough VRAM on cuda:1 of workstation: need 6.0 GB, have 2.0 GB",
                vm.previewProperty().get());
        vm.backendProperty().set("cpu");
        assertEquals("auto", vm.deviceProperty().get(), "a device of another backend is not kept");
        assertTrue(vm.previewProperty().get().startsWith("✅ Fits on workstation (cpu)"), vm.previewProperty().get());
    }

    @Test
    void thePreviewSaysWhenRamIsShort() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        vm.showFacts(new NodeFacts("workstation", PlacementTest.workstation(2 * GB), List.of(),
                List.of(model("hf:org/big:Q4", 5 * GB))));
        vm.modelProperty().set("hf:org/big:Q4");
        assertFalse(vm.fitsProperty().get());
        assertEquals("⚠ Not enough RAM on workstation: need 6.0 GB, have 2.0 GB", vm.previewProperty().get());
    }

    @Test
    void factsOfAnotherNodeThanTheChosenOneAreIgnored() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        vm.showFacts(NodeFacts.unknown("laptop"));
        assertEquals(List.of("auto", "cuda", "cpu"), vm.backends(), "a late answer for another node changes nothing");
    }

    @Test
    void formErrorsAreShownWithoutContactingQueen() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        vm.modelProperty().set(" ");
        vm.start();
        assertEquals("❌ Choose a model (e.g. demo:tiny)", vm.errorProperty().get());
        vm.modelProperty().set("nonsense");
        vm.start();
        assertTrue(vm.errorProperty().get().contains("(INVALID_MODEL_REF)"), vm.errorProperty().get());
        vm.modelProperty().set("demo:tiny");
        vm.deviceProperty().set("x");
        vm.start();
        assertEquals("❌ Device must be a number ≥ 0", vm.errorProperty().get());
        assertEquals(0, queenCalls.get(), "nothing was sent");
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aDeviceNeedsABackend() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        vm.deviceProperty().set("0");
        assertEquals("❌ A device needs a backend: choose cpu, cuda or metal", vm.validate());
        vm.backendProperty().set("cpu");
        vm.deviceProperty().set("0");
        assertNull(vm.validate());
    }

    @Test
    void aValidStartThatCannotReachQueenShowsTheSpecsError() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        vm.start();
        assertEquals(1, queenCalls.get());
        assertTrue(vm.errorProperty().get().contains("QUEEN_UNREACHABLE"), vm.errorProperty().get());
        assertFalse(vm.busyProperty().get(), "the form is usable again");
    }

    @Test
    void rowsShowTheChosenNodesWorkersWithSlotsAndUptime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        WorkersViewModel vm = vm(clock);
        vm.show(List.of(worker("worker-a", "workstation", "idle", false), worker("worker-b", "laptop", "busy", false)),
                Map.of("worker-a", 12.34));
        assertEquals(1, vm.rows().size(), "only the chosen node");
        clock.advance(Duration.ofSeconds(75));
        vm.tick();
        assertEquals(new WorkerRow("worker-a", "workstation", "demo:tiny", "cuda:1", "idle", "0/1", "12.3", "1m 15s"),
                vm.rows().getFirst());
        vm.nodeProperty().set("");
        assertEquals(2, vm.rows().size(), "no node chosen: every node");
    }

    @Test
    void theLiveFeedGivesWorkersAndTheSpeedOfTheirJobsWhichFallsToZeroWhenQuiet() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        WorkersViewModel vm = vm(clock);
        Job running = new Job("job-1", "workstation", "demo:tiny", "worker-a", JobState.RUNNING, 40,
                "2026-11-27T09:59:58Z", "2026-11-27T09:59:59Z", null, null, null);
        QWorker a = worker("worker-a", "workstation", "busy", false);
        ClusterState state = new ClusterState(Map.of(), Map.of(), Map.of("worker-a", a),
                new JobBoard(Map.of("job-1", new TrackedJob(running, 25.0, clock.instant())), List.of()), Map.of(),
                clock.instant(), clock.instant());
        vm.show(state);
        assertEquals("25.0", vm.rows().getFirst().tokensPerSecond());
        clock.advance(Duration.ofSeconds(5));
        vm.tick();
        assertEquals("0.0", vm.rows().getFirst().tokensPerSecond(), "no progress for 5 s: not generating");
        assertEquals("5s", vm.rows().getFirst().uptime());
    }

    @Test
    void aStaleWorkerSaysSo() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        vm.show(List.of(worker("worker-a", "workstation", "idle", true)), Map.of());
        assertEquals("idle (stale)", vm.rows().getFirst().state());
    }

    @Test
    void stoppingNeedsASelection() {
        WorkersViewModel vm = vm(Clock.systemUTC());
        vm.stop(null);
        assertEquals("Select a worker to stop", vm.errorProperty().get());
        assertEquals(0, queenCalls.get());
    }

    @Test
    void uptimeText() {
        assertEquals("45s", WorkerRow.uptime(Duration.ofSeconds(45)));
        assertEquals("12m 03s", WorkerRow.uptime(Duration.ofSeconds(723)));
        assertEquals("2h 05m", WorkerRow.uptime(Duration.ofMinutes(125)));
    }

    static QWorker worker(String id, String node, String state, boolean stale) {
        return new QWorker(id, node, "http://" + node + ":8001", "demo:tiny", "demo:tiny", "cuda", 1, state, 1, 0,
                0, null, stale);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
