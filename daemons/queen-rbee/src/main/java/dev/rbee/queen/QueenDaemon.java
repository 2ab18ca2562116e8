package dev.rbee.queen;

import dev.rbee.contract.Version;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.QueenShutdownResponse;
import dev.rbee.daemon.DaemonIdentity;
import dev.rbee.daemon.ExitCode;
import dev.rbee.daemon.HttpDaemon;
import dev.rbee.daemon.ParentWatch;
import dev.rbee.daemon.Signals;
import dev.rbee.contract.ApiPaths;

import dev.rbee.queen.hive.HiveHeartbeats;
import dev.rbee.queen.hive.HiveControl;
import dev.rbee.queen.hive.HiveControlRoutes;
import dev.rbee.queen.hive.LocalHive;
import dev.rbee.queen.hive.WorkerShutdownService;
import dev.rbee.queen.events.ClusterEvents;
import dev.rbee.queen.events.EventsRoute;
import dev.rbee.queen.logs.QueenLogs;
import dev.rbee.queen.http.QueenRoutes;
import dev.rbee.queen.registry.WorkerDirectory;
import dev.rbee.queen.security.ClusterSecret;
import dev.rbee.queen.tasks.JobRegistry;
import dev.rbee.queen.tasks.Provisioner;
import dev.rbee.queen.tasks.TaskService;
import dev.rbee.queen.tasks.WorkerClients;
import dev.rbee.queen.tasks.WorkerSpawnService;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.queen.metrics.MetricsRoutes;
import dev.rbee.queen.metrics.QueenMetrics;
import dev.rbee.queen.openai.ModelListing;
import dev.rbee.queen.openai.OpenAiRoutes;
import dev.rbee.queen.openai.TemplateSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires queen and owns the cascade: {@code POST /v2/shutdown}, SIGTERM/SIGINT and (ephemeral) end of stdin all refuse
 * new work, stop every hive (which stops its workers) and only then exit, so nothing queen started outlives it.
 */
public final class QueenDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(QueenDaemon.class);
    /** How often stale workers are looked for (S140): a scan of a small map, cheap enough to run often. */
    private static final long SWEEP_EVERY_MS = 100;

    private final QueenConfig config;
    private final Json json = new Json();
    private final ClusterEvents events = new ClusterEvents(json, ClusterEvents.DEFAULT_KEEP_ALIVE_MS);
    private final ExitCode exit = new ExitCode();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().daemon().name("queen-timer-", 0).factory());
    private LocalHive localHive;
    private TaskService tasks;
    private HttpDaemon http;
    private QueenShutdownResponse shutdownResult;
    private dev.rbee.queen.hive.RemoteHiveControl remoteHives;

    private final Optional<String> apiKey;

    /** {@code apiKey} stays out of {@code config}, which is logged. */
    public QueenDaemon(QueenConfig config, Optional<String> apiKey) {
        this.config = config;
        this.apiKey = apiKey;
    }

    public int run() throws java.io.IOException {
        LOG.info("Starting queen-rbee {}: {}; API key {}", Version.CURRENT, config,
                apiKey.isPresent() ? "required on user routes" : "not configured (user routes open on loopback)");
        config.home().ensureDirs();
        String secret = loadSecret();
        String url = config.hiveFacingUrl();
        WorkerDirectory directory = new WorkerDirectory(events);
        timer.scheduleWithFixedDelay(directory::sweep, SWEEP_EVERY_MS, SWEEP_EVERY_MS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        localHive = new LocalHive(config, secret, url, json, () -> directory.removeNode(LocalHive.NODE), events);
        JobRegistry jobs = new JobRegistry(events);
        dev.rbee.queen.nodes.Nodes nodes = new dev.rbee.queen.nodes.Nodes(config.home(),
                config.distribution().root(), json, secret);
        EventsRoute eventsRoute = new EventsRoute(events, new ClusterSnapshot(nodes.registry()::list, localHive,
                directory, jobs), json, timer);
        WorkerClients workers = new WorkerClients(secret, json);
        Provisioner provisioner = new Provisioner(localHive, directory, workers);
        tasks = new TaskService(jobs, provisioner, directory, workers, json, timer, config.inferenceStallTimeout(),
                stopping::get);
        tasks.knownNodes(nodes.registry()::exists);
        provisioner.remoteHives(nodes.remoteHives()::connect);
        nodes.remoteHives().queenUrl(url);
        remoteHives = new dev.rbee.queen.hive.RemoteHiveControl(nodes.registry(), nodes.remoteHives());
        nodes.registry().stopHiveOnRemove(node -> {
            boolean stopped = remoteHives.stopForRemoval(node);
            directory.removeNode(node);
            return stopped;
        });
        WorkerSpawnService spawn = new WorkerSpawnService(provisioner, json, stopping::get,
                nodes.registry()::exists);
        WorkerShutdownService workerShutdown = new WorkerShutdownService(directory, localHive, json);
        dev.rbee.queen.registry.WorkerRegistrations registrations = new dev.rbee.queen.registry.WorkerRegistrations(
                directory, nodes.registry()::exists);
        HiveHeartbeats heartbeats = new HiveHeartbeats(Clock.systemUTC());
        QueenRoutes routes = new QueenRoutes(tasks, jobs, directory, this::shutdown, stopping::get, json)
                .heartbeats(heartbeats)
                .registeredNodes(n -> nodes.registry().find(n).isPresent(), nodes.remoteHives()::heard)
                .localHive(localHive::heard);
        QueenMetrics metrics = new QueenMetrics(jobs, directory, () -> List.of(dev.rbee.queen.hive.LocalHiveSnapshot.of(localHive)));
        jobs.onFinished(metrics::jobFinished);
        Supplier<List<HiveClient>> runningHives = () -> localHive.ifRunning(Duration.ofSeconds(2)).stream().toList();
        OpenAiRoutes openAi = new OpenAiRoutes(tasks, new ModelListing(directory, () -> allRunningHives(runningHives, nodes.remoteHives())),
                new TemplateSource(runningHives), new dev.rbee.queen.openai.ModelRouting(directory), json);
        http = HttpDaemon.start(new DaemonIdentity(Component.QUEEN, Version.CURRENT, json), config.bind(),
                config.port(), QueenRoutes.auth(secret, apiKey), r -> {
                    routes.register(r);
                    new HiveControlRoutes(new HiveControl(localHive, directory, heartbeats).remote(remoteHives), json).register(r);
                    r.post(ApiPaths.WORKERS_SPAWN, spawn::handle);
                    r.post(ApiPaths.WORKERS_SHUTDOWN, workerShutdown::handle);
                    registrations.register(r, json);
                    eventsRoute.register(r);
                    new QueenLogs(config.home(), localHive, json, timer, stopping::get)
                            .remoteNodes(nodes.registry()::exists, nodes.remoteHives()::ifRunning, nodes.remoteLogFiles()).register(r);
                    openAi.register(r);
                    new MetricsRoutes(metrics).register(r);
                    new dev.rbee.queen.nodes.RegistryRoutes(nodes.registry(), json, events).register(r);
                    new dev.rbee.queen.install.InstallRoutes(nodes.registry(), nodes.installer(
                            config.distribution().root(), new dev.rbee.queen.install.RunningHiveStopper(secret, json)),
                            json).register(r);
                    new dev.rbee.queen.models.NodeModelRoutes(node -> LocalHive.NODE.equals(node)
                            ? localHive.ensureRunning(text -> LOG.info("{}", text))
                            : nodes.remoteHives().connect(node, text -> LOG.info("{}", text)), json).register(r);
                });
        Signals.onTerminate(this::shutdown);
        if (config.ephemeral()) {
            ParentWatch.onStdinClosed(System.in, "rbee-keeper", this::shutdown);
        }
        int code = exit.await();
        LOG.info("queen-rbee exiting with {}", code);
        return code;
    }

    private String loadSecret() {
        try {
            return ClusterSecret.loadOrCreate(config.home().clusterSecret());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read or create " + config.home().clusterSecret(), e);
        }
    }

    /** The cascade; every caller gets the same report, and the process exits shortly after the first. */
    private synchronized QueenShutdownResponse shutdown() {
        if (shutdownResult != null) {
            return shutdownResult;
        }
        stopping.set(true);
        LOG.info("Shutting down: canceling jobs, stopping hives and their workers");
        tasks.cancelAll();
        // Every hive at once (api.md §12), so a stuck worker on one node delays the others' stop by nothing.
        java.util.concurrent.CompletableFuture<List<dev.rbee.contract.queen.HiveStopResponse>> remoteStop =
                java.util.concurrent.CompletableFuture.supplyAsync(remoteHives::stopAll,
                        r -> Thread.ofVirtual().start(r));
        LocalHive.Stopped local = localHive.stop();
        List<dev.rbee.contract.queen.HiveStopResponse> remote = remoteStop.join();
        List<dev.rbee.contract.queen.ForceKilled> forced = new java.util.ArrayList<>(local.forceKilled());
        remote.forEach(r -> forced.addAll(r.forceKilled()));
        shutdownResult = new QueenShutdownResponse((local.wasRunning() ? 1 : 0) + remote.size(),
                local.workers() + remote.stream().mapToInt(r -> r.workers()).sum(), forced);
        LOG.info("Cascade complete: {}", shutdownResult);
        events.shutdown();
        timer.schedule(() -> {
            http.stop();
            exit.exit(0);
        }, 200, TimeUnit.MILLISECONDS);
        return shutdownResult;
    }

    /** The local hive, then every registered node's hive that queen started or heard from and that answers now. */
    private static List<HiveClient> allRunningHives(Supplier<List<HiveClient>> local,
                                                    dev.rbee.queen.nodes.RemoteHives remote) {
        List<HiveClient> hives = new java.util.ArrayList<>(local.get());
        for (String node : remote.known()) {
            remote.ifRunning(node, Duration.ofSeconds(2)).ifPresent(hives::add);
        }
        return hives;
    }
}
