package dev.rbee.hive;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.Version;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.hive.HiveShutdownResponse;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.BearerAuth;
import dev.rbee.daemon.DaemonIdentity;
import dev.rbee.daemon.ExitCode;
import dev.rbee.daemon.HttpDaemon;
import dev.rbee.daemon.ParentWatch;
import dev.rbee.daemon.Signals;
import dev.rbee.daemon.TestFaults;
import dev.rbee.engine.gguf.ArchitectureSupport;
import dev.rbee.hive.devices.DeviceInventory;
import dev.rbee.hive.http.HiveLogs;
import dev.rbee.hive.http.HiveRoutes;
import dev.rbee.hive.http.ModelRoutes;
import dev.rbee.hive.models.ModelRemoval;
import dev.rbee.hive.models.ModelService;
import dev.rbee.hive.models.SpawnModels;
import dev.rbee.hive.preflight.PreflightOverrides;
import dev.rbee.hive.queen.QueenHeartbeat;
import dev.rbee.hive.workers.HealthChecker;
import dev.rbee.hive.workers.IdleReaper;
import dev.rbee.hive.workers.LoadingWatch;
import dev.rbee.hive.workers.Preflight;
import dev.rbee.hive.workers.SpawnService;
import dev.rbee.hive.workers.WorkerLauncher;
import dev.rbee.hive.workers.WorkerEntry;
import dev.rbee.hive.workers.WorkerRegistry;
import dev.rbee.hive.workers.WorkerStopper;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the hive and owns its lifecycle. Every way of stopping (admin shutdown, SIGTERM, lost queen lease, parent
 * gone) runs the same cascade: stop the workers (shutdown.grace, 30 s, then SIGKILL), stop HTTP, exit.
 */
public final class HiveDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(HiveDaemon.class);

    private final HiveConfig config;
    private final Json json = new Json();
    private final WorkerRegistry workers;
    private final ExitCode exit = new ExitCode();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("hive-timer").factory());
    private final WorkerStopper stopper;
    private HiveShutdownResponse shutdownResult;
    private HttpDaemon http;
    private HiveLogs logs;
    private final dev.rbee.hive.models.ModelSettings modelSettings;

    public HiveDaemon(HiveConfig config) {
        this(config, dev.rbee.hive.models.ModelSettings.defaults());
    }

    public HiveDaemon(HiveConfig config, dev.rbee.hive.models.ModelSettings modelSettings) {
        this.config = config;
        this.modelSettings = modelSettings;
        this.workers = new WorkerRegistry(config.home().logsDir());
        this.stopper = new WorkerStopper(config.clusterSecret(), json, config.shutdownGrace());
    }

    public int run() throws java.io.IOException {
        LOG.info("Starting rbee-hive {}: {}", Version.CURRENT, config);
        config.home().ensureDirs();
        if (config.testMode()) {
            LOG.warn("⚠️ TEST MODE ACTIVE (RBEE_TEST_MODE=1): preflight overrides in {} are honoured",
                    config.home().configToml());
        }
        PreflightOverrides overrides = new PreflightOverrides(config.home().configToml(), config.testMode());
        DeviceInventory devices = new DeviceInventory(config.home().modelsDir(), System.getenv(), overrides);
        String hiveUrl = config.url(config.port());
        TestFaults faults = TestFaults.fromEnvironment(System.getenv(), LOG);
        WorkerLauncher launcher = new WorkerLauncher(config, workers, hiveUrl, json,
                new LoadingWatch(config.loadingTimeout(), stopper, config.clusterSecret(), json, timer));
        ModelService models;
        try {
            models = modelSettings.open(config.nodeName(), config.home(), System.getenv(), faults, json, overrides);
        } catch (java.sql.SQLException e) {
            LOG.error("Cannot open the model catalog {}: {}", config.home().modelsDb(), e.getMessage());
            return 1;
        }
        SpawnService spawn = new SpawnService(config.nodeName(), devices, new SpawnModels(models), launcher,
                new Preflight(config.nodeName(), devices, ArchitectureSupport.llamaCpp(),
                        faults.millis("hive.spawn_delay_ms").orElse(0L)));
        HiveRoutes routes = new HiveRoutes(config.nodeName(), devices, spawn, workers, stopper,
                () -> shutdown(0), json);
        logs = new HiveLogs(config.nodeName(), config.home(), workers, json);
        ModelRoutes modelRoutes = new ModelRoutes(models, new ModelRemoval(config.nodeName(), models, workers), json);
        http = HttpDaemon.start(new DaemonIdentity(Component.HIVE, Version.CURRENT, json), config.bind(),
                config.port(), BearerAuth.required(config.clusterSecret(), Set.of(ApiPaths.HIVE_HEALTH)),
                r -> {
                    routes.register(r);
                    logs.register(r);
                    modelRoutes.register(r);
                });
        new IdleReaper(workers, stopper, config.idleTimeout(), config.clusterSecret(), json).start(timer);
        new HealthChecker(workers, config.healthInterval(), config.clusterSecret(), json).start(timer);
        Signals.onTerminate(() -> shutdown(0));
        if (config.watchStdin()) {
            ParentWatch.onStdinClosed(System.in, "queen-rbee", this::abandoned);
        }
        if (config.queenUrl() != null) {
            new QueenHeartbeat(config.queenUrl(), config.clusterSecret(), json, config.nodeName(), hiveUrl, workers,
                    devices, this::abandoned).start(timer);
        }
        int code = exit.await();
        LOG.info("rbee-hive exiting with {}", code);
        return code;
    }

    /** Queen is gone (lease lost or its pipe closed): end the workers at once rather than draining, and exit 1. */
    private synchronized void abandoned() {
        if (shutdownResult != null) {
            return;
        }
        int count = workers.size();
        shutdownResult = new HiveShutdownResponse(count, stopper.abortAll(workers.all()));
        logs.stop();
        http.stop();
        exit.exit(1);
    }

    /**
     * Stops every worker and then the process; later callers get the first result. The HTTP server stops a moment
     * after the answer so the caller of {@code /v1/admin/shutdown} still receives it.
     */
    private synchronized HiveShutdownResponse shutdown(int code) {
        if (shutdownResult != null) {
            return shutdownResult;
        }
        List<WorkerEntry> running = workers.all().stream().filter(w -> w.process().isAlive()).toList();
        LOG.info("Shutting down {} worker(s)", running.size());
        List<String> forceKilled = stopper.stopAll(running);
        shutdownResult = new HiveShutdownResponse(running.size(), forceKilled);
        logs.stop();
        timer.schedule(() -> {
            http.stop();
            exit.exit(code);
        }, 200, TimeUnit.MILLISECONDS);
        return shutdownResult;
    }
}
