package dev.rbee.queen.hive;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.Responses;
import io.javalin.config.RoutesConfig;

/** {@code POST /v2/nodes/{name}/hive/start|stop} and {@code GET /v2/nodes/{name}/hive/status} (api.md §5.1, §5.3), and
 * {@code GET /v2/workers/health?node=}, the live worker view of a node's hive. */
public final class HiveControlRoutes {
    private final HiveControl control;
    private final Json json;

    public HiveControlRoutes(HiveControl control, Json json) {
        this.control = control;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.post(ApiPaths.NODE_HIVE_START_TEMPLATE, ctx -> Responses.json(ctx, json, 200,
                control.start(ctx.pathParam(ApiPaths.PARAM_NAME))));
        routes.post(ApiPaths.NODE_HIVE_STOP_TEMPLATE, ctx -> Responses.json(ctx, json, 200,
                control.stop(ctx.pathParam(ApiPaths.PARAM_NAME))));
        routes.get(ApiPaths.WORKERS_HEALTH, ctx -> Responses.json(ctx, json, 200,
                control.workersHealth(ctx.queryParam("node"))));
        routes.get(ApiPaths.NODE_HIVE_STATUS_TEMPLATE, ctx -> Responses.json(ctx, json, 200,
                control.status(ctx.pathParam(ApiPaths.PARAM_NAME))));
    }
}
