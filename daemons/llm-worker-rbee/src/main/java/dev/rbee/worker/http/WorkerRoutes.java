package dev.rbee.worker.http;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.worker.AdminShutdownResponse;
import dev.rbee.contract.worker.CancelReason;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.Responses;
import dev.rbee.daemon.SseChannel;
import dev.rbee.worker.ProcessMemory;
import dev.rbee.worker.WorkerConfig;
import dev.rbee.worker.WorkerStatus;
import dev.rbee.worker.inference.ActiveJobs;
import dev.rbee.worker.inference.InferenceService;
import dev.rbee.worker.loading.LoadingFeed;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** The worker's endpoints (api.md §7.1). */
public final class WorkerRoutes {
    private static final long IDLE_KEEP_ALIVE_MS = 10_000;

    private final WorkerConfig config;
    private final String engineName;
    private final WorkerStatus status;
    private final LoadingFeed loading;
    private final InferenceService inference;
    private final ActiveJobs jobs;
    private final Runnable shutdown;
    private final Json json;
    private volatile String progressUrl;

    public WorkerRoutes(WorkerConfig config, String engineName, WorkerStatus status, LoadingFeed loading,
                        InferenceService inference, ActiveJobs jobs, Runnable shutdown, Json json) {
        this.config = config;
        this.engineName = engineName;
        this.status = status;
        this.loading = loading;
        this.inference = inference;
        this.jobs = jobs;
        this.shutdown = shutdown;
        this.json = json;
    }

    /** Known only once the port is bound. */
    public void baseUrl(String url) {
        this.progressUrl = url + ApiPaths.WORKER_LOADING_PROGRESS;
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.WORKER_HEALTH, this::health);
        routes.get(ApiPaths.WORKER_READY, ctx -> Responses.json(ctx, json, 200, status.ready(progressUrl)));
        routes.get(ApiPaths.WORKER_LOADING_PROGRESS, this::loadingProgress);
        routes.post(ApiPaths.WORKER_INFERENCE, inference::handle);
        routes.delete(ApiPaths.WORKER_INFERENCE_JOB_TEMPLATE, ctx -> {
            jobs.cancel(ctx.pathParam(ApiPaths.PARAM_JOB_ID),
                    CancelReason.fromWire(ctx.queryParam(ApiPaths.QUERY_CANCEL_REASON)).words());
            ctx.status(204);
        });
        routes.post(ApiPaths.WORKER_ADMIN_SHUTDOWN, this::adminShutdown);
    }

    private void health(Context ctx) {
        Responses.json(ctx, json, 200, status.health(config, engineName, ProcessMemory.residentBytes()));
    }

    private void adminShutdown(Context ctx) {
        int active = jobs.count();
        Thread.ofPlatform().name("admin-shutdown").start(shutdown);
        Responses.json(ctx, json, 202, new AdminShutdownResponse(WorkerState.DRAINING, active));
    }

    private void loadingProgress(Context ctx) throws ClientGoneException, InterruptedException {
        SseChannel channel = SseChannel.open(ctx, json);
        // A subscriber that arrives after the load gets the outcome at once, not the history (api.md §7.1).
        int next = loading.terminalIndexIfFinished().orElse(0);
        while (!loading.isFinishedAt(next)) {
            List<SseEvent> events = loading.since(next, 1000);
            for (SseEvent event : events) {
                channel.send(event);
            }
            next += events.size();
            channel.keepAliveIfIdle(IDLE_KEEP_ALIVE_MS);
        }
        channel.done();
    }
}
