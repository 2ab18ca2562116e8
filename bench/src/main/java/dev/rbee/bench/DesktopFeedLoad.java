package dev.rbee.bench;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.sse.JobEvent;
import dev.rbee.contract.sse.SnapshotEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.WorkerEvent;
import dev.rbee.desktop.board.BoardViewModel;
import dev.rbee.desktop.overview.OverviewViewModel;
import dev.rbee.desktop.workers.WorkersViewModel;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.cluster.ClusterUpdate;
import dev.rbee.keeper.cluster.Coalescer;
import dev.rbee.keeper.cluster.ConnectionState;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Issue 7's load: N workers each changing state 10 times a second (idle ⇄ busy, with a job event for every busy
 * spell), applied to the keeper core's cluster state as the watcher applies them, coalesced, and shown by the
 * Overview, Workers and Live board view models on one "UI" thread that runs queued work at 60 frames a second, like
 * JavaFX's pulse. Reports the UI thread's work per frame and its busy share, for N workers and for 1 worker (the
 * baseline, same run). The views' own layout is not included: the toolkit is not started.
 */
public final class DesktopFeedLoad {
    private static final long FRAME_NANOS = 16_666_667L;

    record Result(int workers, long events, long frames, double meanFrameMicros, double maxFrameMicros,
                  double busyShare, double applyMicrosPerEvent) {
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        run(1, 2); // warm-up
        Result baseline = run(1, seconds);
        Result load = run(workers, seconds);
        print(baseline);
        print(load);
        System.out.printf(Locale.ROOT, "ratio %d workers / 1 worker: frame work %.1fx, busy share %.1fx%n", workers,
                load.meanFrameMicros() / baseline.meanFrameMicros(), load.busyShare() / baseline.busyShare());
    }

    private static void print(Result r) {
        System.out.printf(Locale.ROOT, "%3d workers: %d events applied (%.1f µs each), %d frames delivered, UI work per"
                        + " frame mean %.0f µs max %.0f µs, UI thread busy %.1f%% of the time%n", r.workers(), r.events(),
                r.applyMicrosPerEvent(), r.frames(), r.meanFrameMicros(), r.maxFrameMicros(), 100 * r.busyShare());
    }

    static Result run(int count, int seconds) throws InterruptedException {
        FrameThread ui = new FrameThread();
        Executor never = task -> { throw new IllegalStateException("the load never calls queen"); };
        RbeeHome home = new RbeeHome(Path.of(System.getProperty("java.io.tmpdir")));
        OverviewViewModel overview = new OverviewViewModel();
        WorkersViewModel workersVm = new WorkersViewModel(() -> { throw new IllegalStateException(); }, home, never,
                ui, Clock.systemUTC());
        BoardViewModel board = new BoardViewModel(() -> { throw new IllegalStateException(); }, home, never, ui);
        Coalescer<ClusterUpdate> out = new Coalescer<>(ui, update -> {
            Instant now = Instant.now();
            overview.show(update, now);
            workersVm.show(update.state());
            board.show(update, now);
        });
        List<QWorker> fleet = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fleet.add(worker(i, "idle"));
        }
        ClusterState state = ClusterState.of(new SnapshotEvent(List.of(), List.of(new HiveStatus("localhost", true,
                "running", "http://127.0.0.1:9200", "0.1.0", 1L, null, null, null, count, null)), fleet,
                List.<Job>of()), Instant.now());
        long events = 0;
        long applyNanos = 0;
        long intervalNanos = 100_000_000L / count; // each worker changes 10 times a second
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int[] spells = new int[count];
        for (long next = start; next < end; next += intervalNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int i = (int) (events % count);
            boolean busy = spells[i] % 2 == 0;
            String job = "job-" + i + "-" + spells[i] / 2;
            spells[i]++;
            long t0 = System.nanoTime();
            state = state.apply(event(worker(i, busy ? "busy" : "idle")), Instant.now());
            state = state.apply(new JobEvent(job, "localhost", "demo:tiny", "worker-" + i,
                    busy ? "running" : "completed", busy ? 0 : 40, null, null), Instant.now());
            applyNanos += System.nanoTime() - t0;
            events += 2;
            out.offer(new ClusterUpdate(state, ConnectionState.CONNECTED));
        }
        ui.stop();
        return new Result(count, events, ui.frames(), ui.meanMicros(), ui.maxMicros(),
                ui.busyNanos() / (double) (System.nanoTime() - start), applyNanos / 1000.0 / events);
    }

    private static SseEvent event(QWorker worker) {
        return WorkerEvent.of(worker);
    }

    private static QWorker worker(int i, String state) {
        return new QWorker("worker-" + i, "localhost", "http://127.0.0.1:" + (8001 + i), "demo:tiny", "demo:tiny",
                "cpu", 0, state, 1, "busy".equals(state) ? 1 : 0, 0, Instant.now().toString(), false);
    }

    /** Runs what was queued once per frame, as JavaFX's pulse runs its runLater queue, and times each frame. */
    private static final class FrameThread implements Executor {
        private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private long frames;
        private long busy;
        private long max;

        FrameThread() {
            clock.scheduleAtFixedRate(this::frame, FRAME_NANOS, FRAME_NANOS, TimeUnit.NANOSECONDS);
        }

        @Override
        public void execute(Runnable task) {
            queue.add(task);
        }

        private void frame() {
            if (queue.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            for (Runnable task = queue.poll(); task != null; task = queue.poll()) {
                task.run();
            }
            long took = System.nanoTime() - t0;
            synchronized (this) {
                frames++;
                busy += took;
                max = Math.max(max, took);
            }
        }

        void stop() throws InterruptedException {
            clock.shutdown();
            clock.awaitTermination(5, TimeUnit.SECONDS);
        }

        synchronized long frames() { return frames; }
        synchronized long busyNanos() { return busy; }
        synchronized double meanMicros() { return frames == 0 ? 0 : busy / 1000.0 / frames; }
        synchronized double maxMicros() { return max / 1000.0; }
    }
}
