package dev.rbee.queen.models;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.ModelRef;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.DeleteModelResponse;
import dev.rbee.contract.hive.DownloadRequest;
import dev.rbee.contract.hive.DownloadResponse;
import dev.rbee.contract.hive.Model;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.ModelDeleteResponse;
import dev.rbee.contract.queen.NodeModelsResponse;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.contract.validation.Validator;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.Responses;
import dev.rbee.daemon.SseChannel;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Queen's model endpoints for a node (api.md §5.1): list, download (the hive's download stream relayed) and delete.
 * The node's hive ({@code localhost} or a registered node's, over SSH) is started when needed.
 */
public final class NodeModelRoutes {
    private final Function<String, HiveClient> hives;
    private final Json json;

    /** {@code hives} starts the named node's hive if needed and returns a client for it. */
    public NodeModelRoutes(Function<String, HiveClient> hives, Json json) {
        this.hives = hives;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.NODE_MODELS_TEMPLATE, this::list);
        routes.post(ApiPaths.NODE_MODELS_DOWNLOAD_TEMPLATE, this::download);
        routes.delete(ApiPaths.NODE_MODEL_TEMPLATE, this::delete);
    }

    /** An unknown node is {@code NODE_NOT_FOUND} from {@code hives}. */
    private HiveClient hive(Context ctx) {
        return hives.apply(ctx.pathParam(ApiPaths.PARAM_NAME));
    }

    private void list(Context ctx) {
        HiveClient hive = hive(ctx);
        Responses.json(ctx, json, 200, new NodeModelsResponse(ctx.pathParam(ApiPaths.PARAM_NAME),
                hive.models().models()));
    }

    /** Errors of the synchronous part (bad ref, not on the hub, no disk) are envelopes; later ones SSE events. */
    private void download(Context ctx) throws ClientGoneException {
        DownloadRequest request = Responses.body(ctx, json, DownloadRequest.class);
        Validator v = new Validator();
        v.required("model_ref", request.modelRef());
        v.throwIfInvalid(null);
        ModelRef.parse(request.modelRef());
        HiveClient hive = hive(ctx);
        DownloadResponse started = hive.modelsDownload(request.modelRef());
        try (SseResponse progress = hive.downloadProgress(started.downloadId())) {
            SseChannel channel = SseChannel.open(ctx, json);
            SseEventStream events = progress.events();
            while (events.hasNext()) {
                SseEvent event = events.next();
                channel.sendJson(events.lastJson());
                if (event instanceof ErrorEvent || event instanceof dev.rbee.contract.sse.CompleteEvent) {
                    channel.done();
                    return;
                }
            }
            channel.send(new ErrorEvent(ErrorCode.INTERNAL_ERROR.name(), "The download stream of rbee-hive ended"
                    + " without a result", Map.of("component", "queen-rbee")));
            channel.done();
        }
    }

    private void delete(Context ctx) {
        HiveClient hive = hive(ctx);
        String idOrRef = ctx.pathParam(ApiPaths.PARAM_ID_OR_REF);
        String id = resolve(hive, idOrRef).orElse(idOrRef);
        DeleteModelResponse deleted = hive.deleteModel(id);
        Responses.json(ctx, json, 200, new ModelDeleteResponse(ctx.pathParam(ApiPaths.PARAM_NAME), deleted.deleted(),
                deleted.freedBytes()));
    }

    /** A ref (which may hold {@code /}) becomes the catalog id, since the hive's path takes one segment. */
    private static Optional<String> resolve(HiveClient hive, String idOrRef) {
        if (!idOrRef.contains(":")) {
            return Optional.empty();
        }
        return hive.models().models().stream()
                .filter(m -> idOrRef.equals(m.modelRef()) || idOrRef.equals(resolvedRef(m)))
                .map(Model::id).findFirst();
    }

    private static String resolvedRef(Model m) {
        return ModelRef.HF.equals(m.provider()) ? "hf:" + m.reference() + ":" + m.file() : m.modelRef();
    }
}
