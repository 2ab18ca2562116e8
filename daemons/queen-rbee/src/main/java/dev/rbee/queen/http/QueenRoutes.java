package dev.rbee.queen.http;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.Version;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.BearerAuth;
import dev.rbee.contract.queen.HiveHeartbeatRequest;
import dev.rbee.contract.queen.HiveHeartbeatResponse;
import dev.rbee.contract.queen.JobsResponse;
import dev.rbee.contract.queen.QueenHealth;
import dev.rbee.contract.queen.WorkersListResponse;
import dev.rbee.daemon.Responses;
import dev.rbee.queen.hive.HiveHeartbeats;
import dev.rbee.queen.hive.LocalHive;
import dev.rbee.queen.registry.WorkerDirectory;
import dev.rbee.queen.tasks.JobRegistry;
import dev.rbee.queen.tasks.TaskService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Queen's endpoints that the walking skeleton serves (api.md §5.1). */
public final class QueenRoutes {
    /** Endpoints only hives call; they take the cluster secret (marked S in api.md). */
    private static final Set<String> INTERNAL_PREFIXES = Set.of(ApiPaths.HIVES_HEARTBEAT, ApiPaths.WORKERS_REGISTER);

    private final TaskService tasks;
    private final JobRegistry jobs;
    private final WorkerDirectory directory;
    private final Supplier<Object> shutdown;
    private final BooleanSupplier stopping;
    private final Json json;

    /** Registered nodes besides localhost; their hives heartbeat too (api.md §5.5). */
    private java.util.function.Predicate<String> registered = node -> false;
    private java.util.function.Consumer<HiveHeartbeatRequest> localHeard = beat -> { };
    private java.util.function.BiConsumer<String, Long> heard = (node, pid) -> { };
    private HiveHeartbeats heartbeats = new HiveHeartbeats(java.time.Clock.systemUTC());

    public QueenRoutes(TaskService tasks, JobRegistry jobs, WorkerDirectory directory, Supplier<Object> shutdown,
                       BooleanSupplier stopping, Json json) {
        this.tasks = tasks;
        this.jobs = jobs;
        this.directory = directory;
        this.shutdown = shutdown;
        this.stopping = stopping;
        this.json = json;
    }

    /** True for paths a caller may use without the cluster secret. */
    public static boolean isUserPath(String path) {
        return !INTERNAL_PREFIXES.contains(path) && !path.matches("/v2/workers/[^/]+/heartbeat");
    }

    /**
     * The token a path needs (api.md §2): none for {@code /health}; the API key, when one is configured, on user
     * routes; the cluster secret on internal ones. Neither is accepted in the other's place.
     */
    public static BearerAuth auth(String clusterSecret, Optional<String> apiKey) {
        return BearerAuth.perPath(path -> {
            if (ApiPaths.QUEEN_HEALTH.equals(path)) {
                return Optional.empty();
            }
            return isUserPath(path) ? apiKey : Optional.of(clusterSecret);
        });
    }

    /** {@code registered}: a node of beehives.db; {@code heard}: called with node and pid on its hive's heartbeat. */
    public QueenRoutes registeredNodes(java.util.function.Predicate<String> isRegistered,
                                       java.util.function.BiConsumer<String, Long> onHeartbeat) {
        this.registered = isRegistered;
        this.heard = onHeartbeat;
        return this;
    }

    /** The localhost hive's heartbeat, for a restarted queen to adopt the hive that outlived its predecessor. */
    /** Where the times of hive heartbeats go, for the hive status. */
    public QueenRoutes heartbeats(HiveHeartbeats times) {
        this.heartbeats = times;
        return this;
    }

    public QueenRoutes localHive(java.util.function.Consumer<HiveHeartbeatRequest> onHeartbeat) {
        this.localHeard = onHeartbeat;
        return this;
    }

    private boolean known(String node) {
        return LocalHive.NODE.equals(node) || node != null && registered.test(node);
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.QUEEN_HEALTH, this::health);
        routes.post(ApiPaths.TASKS, tasks::handle);
        routes.get(ApiPaths.TASKS, ctx -> ok(ctx, new JobsResponse(jobs.inFlight())));
        routes.get(ApiPaths.TASK_TEMPLATE, ctx -> ok(ctx, jobs.get(ctx.pathParam(ApiPaths.PARAM_JOB_ID))));
        routes.get(ApiPaths.TASK_STREAM_TEMPLATE, tasks::follow);
        routes.delete(ApiPaths.TASK_TEMPLATE, ctx -> {
            tasks.cancel(ctx.pathParam(ApiPaths.PARAM_JOB_ID));
            ctx.status(204);
        });
        routes.get(ApiPaths.WORKERS_LIST, this::workersList);
        routes.post(ApiPaths.HIVES_HEARTBEAT, this::hiveHeartbeat);
        routes.post(ApiPaths.QUEEN_SHUTDOWN, ctx -> ok(ctx, shutdown.get()));
    }

    private void health(Context ctx) {
        if (stopping.getAsBoolean()) {
            throw RbeeException.of(ErrorCode.SHUTTING_DOWN, "queen-rbee is shutting down");
        }
        ok(ctx, new QueenHealth(QueenHealth.OK, Version.CURRENT));
    }

    private void workersList(Context ctx) {
        String node = ctx.queryParam("node");
        if (node != null && !known(node)) {
            throw nodeNotFound(node);
        }
        ok(ctx, new WorkersListResponse(directory.list(node)));
    }

    private void hiveHeartbeat(Context ctx) {
        HiveHeartbeatRequest beat = Responses.body(ctx, json, HiveHeartbeatRequest.class);
        if (!known(beat.node())) {
            throw nodeNotFound(beat.node());
        }
        heartbeats.heard(beat.node());
        if (LocalHive.NODE.equals(beat.node())) {
            localHeard.accept(beat);
        } else {
            heard.accept(beat.node(), beat.pid());
        }
        directory.replaceNode(beat.node(), beat.workers() == null ? java.util.List.of() : beat.workers());
        ok(ctx, new HiveHeartbeatResponse(HiveHeartbeatResponse.DEFAULT_LEASE_MS));
    }

    private static RbeeException nodeNotFound(String node) {
        return RbeeException.of(ErrorCode.NODE_NOT_FOUND, "Node '" + node + "' is not registered",
                Map.of("node", String.valueOf(node)));
    }

    private void ok(Context ctx, Object body) {
        Responses.json(ctx, json, 200, body);
    }
}
