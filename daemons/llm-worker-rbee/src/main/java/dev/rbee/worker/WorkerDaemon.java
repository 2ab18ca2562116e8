package dev.rbee.worker;

import dev.rbee.contract.Version;
import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.Retry;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.RbeeException;
import java.time.Duration;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.hive.WorkerReadyCallback;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.BearerAuth;
import dev.rbee.daemon.DaemonIdentity;
import dev.rbee.daemon.ExitCode;
import dev.rbee.daemon.HttpDaemon;
import dev.rbee.daemon.ParentWatch;
import dev.rbee.daemon.Signals;
import dev.rbee.daemon.TestFaults;
import dev.rbee.engine.Engine;
import dev.rbee.engine.Engines;
import dev.rbee.engine.LoadedModel;
import dev.rbee.worker.http.WorkerRoutes;
import dev.rbee.worker.inference.ActiveJobs;
import dev.rbee.worker.inference.InferenceService;
import dev.rbee.worker.loading.LoadingFeed;
import dev.rbee.worker.loading.ModelLoader;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the worker together and owns its lifecycle: bind HTTP first, load the model, tell the hive, serve, and on
 * shutdown drain (≤ 28 s), free the model and exit. The JVM may not exit by itself once llama.cpp ran, so the end
 * of {@link #run()} is always an explicit exit code for {@code main}.
 */
public final class WorkerDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerDaemon.class);
    private static final long DRAIN_MS = 28_000;
    /** A failed load stays visible (health unhealthy, stream error) this long before the process exits 3. */
    private static final long ERROR_EXIT_DELAY_MS = 2_000;
    static final int EXIT_LOAD_FAILED = 3;

    private final WorkerConfig config;
    private final Json json = new Json();
    private final WorkerStatus status;
    private final ActiveJobs jobs = new ActiveJobs();
    private final LoadingFeed loading = new LoadingFeed();
    private final AtomicReference<LoadedModel> model = new AtomicReference<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("worker-timer").factory());
    private final ExitCode exit = new ExitCode();
    private final Engine engine;
    private final TestFaults faults = TestFaults.fromEnvironment(System.getenv(), LOG);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean stopScheduled = new AtomicBoolean();
    private HttpDaemon http;

    public WorkerDaemon(WorkerConfig config) {
        this.config = config;
        this.status = new WorkerStatus(config.workerId(), config.slots());
        this.engine = Engines.create(config.engine(), System.err);
    }

    public int run() {
        LOG.info("Starting llm-worker-rbee {}: {}", Version.CURRENT, config);
        InferenceService inference = new InferenceService(config, status, jobs, model::get, json, timer, faults);
        WorkerRoutes routes = new WorkerRoutes(config, engine.name(), status, loading, inference, jobs,
                this::drainAndExit, json);
        http = HttpDaemon.start(new DaemonIdentity(Component.WORKER, Version.CURRENT, json), config.bind(),
                config.port(), BearerAuth.required(config.clusterSecret(), Set.of(ApiPaths.WORKER_HEALTH)),
                routes::register);
        String url = config.url(http.port());
        routes.baseUrl(url);
        Signals.onTerminate(this::drainAndExit);
        ParentWatch.onStdinClosed(System.in, "rbee-hive", this::abortAndExit);
        loadModel(url);
        int code = exit.await();
        LOG.info("llm-worker-rbee {} exiting with {}", config.workerId(), code);
        return code;
    }

    private void loadModel(String url) {
        Optional<LoadedModel> loaded = new ModelLoader(engine, config, status, loading, faults).load();
        if (loaded.isEmpty()) {
            timer.schedule(() -> stop(EXIT_LOAD_FAILED), ERROR_EXIT_DELAY_MS, TimeUnit.MILLISECONDS);
            return;
        }
        model.set(loaded.get());
        if (stopping.get()) {
            stop(0); // shut down while loading: nothing to drain, free what was just loaded
            return;
        }
        if (config.hiveUrl() != null) {
            reportReady(url);
        }
    }

    /** The ready callback; a hive that cannot be told after its retries means this worker is useless (exit 1). */
    private void reportReady(String url) {
        try {
            HiveClient hive = new HiveClient(new HttpJson(Endpoint.of(config.hiveUrl(), config.clusterSecret(),
                    Duration.ofSeconds(5), Duration.ofSeconds(10)), json));
            WorkerReadyCallback ready = new WorkerReadyCallback(config.workerId(), url, config.modelRef(),
                    config.backend(), config.device(), 0L);
            Retry.http().retryingOn(WorkerDaemon::worthRetrying).call(() -> hive.workerReady(ready));
            LOG.info("Reported ready to rbee-hive at {}", config.hiveUrl());
        } catch (RuntimeException e) {
            LOG.error("Could not report ready to rbee-hive at {}: {}", config.hiveUrl(), e.getMessage());
            stop(1);
        }
    }

    /** api.md §10: the ready callback is retried on connection errors and 5xx answers. */
    private static boolean worthRetrying(RuntimeException e) {
        return e instanceof UnreachableException || e instanceof RbeeException r && r.status() >= 500;
    }

    /** Admin shutdown and SIGTERM: refuse new work, let running jobs finish within the drain period. */
    private void drainAndExit() {
        if (!status.drain() || stopping.getAndSet(true)) {
            return;
        }
        LOG.info("Draining: {} job(s) running, waiting up to {} s", jobs.count(), DRAIN_MS / 1000);
        try {
            if (!status.awaitIdle(System.nanoTime() + DRAIN_MS * 1_000_000L)) {
                LOG.warn("Drain period over; canceling {} job(s)", jobs.count());
                jobs.cancelAll("drain period over");
                status.awaitIdle(System.nanoTime() + 1_000_000_000L);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(0);
    }

    /** The hive is gone: nobody will read the streams, so cancel at once (exit within 2 s). */
    private void abortAndExit() {
        stopping.set(true);
        status.drain();
        jobs.cancelAll("rbee-hive gone");
        try {
            status.awaitIdle(System.nanoTime() + 1_000_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(0);
    }

    private void stop(int code) {
        if (stopScheduled.getAndSet(true)) {
            return;
        }
        LoadedModel loaded = model.getAndSet(null);
        if (loaded != null) {
            loaded.close();
        }
        // A moment's delay lets the answer to /v1/admin/shutdown leave before the server stops.
        timer.schedule(() -> {
            if (http != null) {
                http.stop();
            }
            exit.exit(code);
        }, 200, TimeUnit.MILLISECONDS);
    }
}
