package dev.rbee.queen.nodes;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.sse.NodeEvent;
import dev.rbee.queen.events.ClusterEvents;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.NodesList;
import dev.rbee.contract.queen.RemoveNodeRequest;
import dev.rbee.contract.queen.UpdateNodeRequest;
import dev.rbee.daemon.Responses;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v2/registry/beehives/*} (api.md §5.1–5.2). */
public final class RegistryRoutes {
    private final NodeRegistry registry;
    private final Json json;
    private final ClusterEvents events;

    /** Every successful change reaches {@code /v2/events} watchers as a {@code node} event. */
    public RegistryRoutes(NodeRegistry registry, Json json, ClusterEvents events) {
        this.registry = registry;
        this.json = json;
        this.events = events;
    }

    public void register(RoutesConfig routes) {
        routes.post(ApiPaths.NODES_ADD, this::add);
        routes.post(ApiPaths.NODES_UPDATE, this::update);
        routes.get(ApiPaths.NODES_LIST, ctx -> Responses.json(ctx, json, 200, new NodesList(registry.list())));
        routes.post(ApiPaths.NODES_REMOVE, this::remove);
    }

    private void add(Context ctx) {
        AddNodeRequest request = Responses.body(ctx, json, AddNodeRequest.class);
        Responses.json(ctx, json, 201, registry.add(request));
        events.nodeChanged(request.nodeName(), NodeEvent.ADDED);
    }

    private void update(Context ctx) {
        UpdateNodeRequest request = Responses.body(ctx, json, UpdateNodeRequest.class);
        Responses.json(ctx, json, 200, registry.update(request));
        events.nodeChanged(request.nodeName(), NodeEvent.UPDATED);
    }

    private void remove(Context ctx) {
        RemoveNodeRequest request = Responses.body(ctx, json, RemoveNodeRequest.class);
        Responses.json(ctx, json, 200, registry.remove(request.nodeName()));
        events.nodeChanged(request.nodeName(), NodeEvent.REMOVED);
    }
}
