package dev.rbee.hive.http;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.Version;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HWorker;
import dev.rbee.contract.hive.HWorkersList;
import dev.rbee.contract.hive.HiveHealth;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.hive.MessageResponse;
import dev.rbee.contract.hive.WorkerReadyCallback;
import dev.rbee.contract.hive.WorkerShutdownResponse;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.validation.Validator;
import dev.rbee.daemon.Responses;
import dev.rbee.hive.devices.DeviceInventory;
import dev.rbee.hive.workers.SpawnService;
import dev.rbee.hive.workers.WorkerEntry;
import dev.rbee.hive.workers.WorkerRegistry;
import dev.rbee.hive.workers.WorkerStopper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The hive's endpoints (api.md §6.1) that the skeleton serves. */
public final class HiveRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(HiveRoutes.class);
    private final String nodeName;
    private final DeviceInventory devices;
    private final SpawnService spawn;
    private final WorkerRegistry workers;
    private final WorkerStopper stopper;
    private final Supplier<Object> shutdown;
    private final Json json;

    public HiveRoutes(String nodeName, DeviceInventory devices, SpawnService spawn, WorkerRegistry workers,
                      WorkerStopper stopper, Supplier<Object> shutdown, Json json) {
        this.nodeName = nodeName;
        this.devices = devices;
        this.spawn = spawn;
        this.workers = workers;
        this.stopper = stopper;
        this.shutdown = shutdown;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.HIVE_HEALTH, ctx -> ok(ctx, new HiveHealth(HiveHealth.ALIVE, Version.CURRENT,
                Version.API_VERSION, nodeName)));
        routes.get(ApiPaths.HIVE_BACKENDS_LIST, ctx -> ok(ctx, devices.backends()));
        routes.get(ApiPaths.HIVE_RESOURCES, ctx -> ok(ctx, devices.resources()));
        routes.post(ApiPaths.HIVE_WORKERS_SPAWN, ctx -> Responses.json(ctx, json, 202,
                spawn.spawn(Responses.body(ctx, json, HiveSpawnRequest.class), correlationId(ctx))));
        routes.post(ApiPaths.HIVE_WORKERS_READY, this::workerReady);
        routes.get(ApiPaths.HIVE_WORKERS_LIST, this::workersList);
        routes.post(ApiPaths.HIVE_WORKER_SHUTDOWN_TEMPLATE, this::workerShutdown);
        routes.post(ApiPaths.HIVE_ADMIN_SHUTDOWN, ctx -> ok(ctx, shutdown.get()));
    }

    private void workerReady(Context ctx) {
        WorkerReadyCallback ready = Responses.body(ctx, json, WorkerReadyCallback.class);
        Validator v = new Validator(); // api.md §6.1: every field of the callback is required
        v.required("worker_id", ready.workerId());
        v.required("url", ready.url());
        v.required("model_ref", ready.modelRef());
        v.required("backend", ready.backend());
        v.required("device", ready.device());
        v.required("vram_bytes", ready.vramBytes());
        v.throwIfInvalid(null);
        WorkerEntry entry = workers.get(ready.workerId());
        if (!entry.url().equals(ready.url()) || !entry.modelRef().equals(ready.modelRef())
                || !entry.backend().equals(ready.backend()) || !Objects.equals(entry.device(), ready.device())) {
            throw RbeeException.invalid(List.of(new FieldError("worker_id", "matches_spawn",
                    "the ready callback differs from what " + entry.workerId() + " was spawned with", null)), null);
        }
        entry.state(WorkerState.IDLE);
        ok(ctx, new MessageResponse("Worker registered as ready"));
    }

    /** The caller's {@code X-Correlation-Id} when it is a plain id (it is written into log lines), else null. */
    private static String correlationId(Context ctx) {
        String id = ctx.header(ApiPaths.HEADER_CORRELATION_ID);
        return id != null && id.matches("[A-Za-z0-9._-]{1,64}") ? id : null;
    }

    /** Logged so that the order of queen's calls (list before spawn, S022) can be read from the hive's log. */
    private void workersList(Context ctx) {
        List<HWorker> listed = workers.all().stream().map(WorkerEntry::toHWorker).toList();
        LOG.info("Worker list asked for: {} worker(s)", listed.size());
        ok(ctx, new HWorkersList(listed));
    }

    private void workerShutdown(Context ctx) {
        WorkerEntry entry = workers.get(ctx.pathParam(ApiPaths.PARAM_ID));
        if (!entry.process().isAlive()) { // nothing to drain; its port may already be another worker's
            workers.remove(entry);
            Responses.json(ctx, json, 200, new WorkerShutdownResponse(entry.workerId(), WorkerState.ERROR));
            return;
        }
        entry.state(WorkerState.DRAINING);
        Thread.ofVirtual().start(() -> stopper.stop(entry));
        Responses.json(ctx, json, 202, new WorkerShutdownResponse(entry.workerId(), WorkerState.DRAINING));
    }

    private void ok(Context ctx, Object body) {
        Responses.json(ctx, json, 200, body);
    }

    static RbeeException shuttingDown() {
        return RbeeException.of(ErrorCode.SHUTTING_DOWN, "rbee-hive is shutting down");
    }
}
