package dev.rbee.hive.http;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.DownloadRequest;
import dev.rbee.contract.hive.DownloadResponse;
import dev.rbee.contract.hive.ModelsList;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.validation.Validator;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.Responses;
import dev.rbee.daemon.SseChannel;
import dev.rbee.hive.models.Download;
import dev.rbee.hive.models.ModelRemoval;
import dev.rbee.hive.models.ModelService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** The hive's model endpoints (api.md §6.1): catalog list, download, download progress, delete. */
public final class ModelRoutes {
    private static final List<String> PROVIDERS = List.of("hf", "file", "demo");
    private static final long KEEP_ALIVE_MS = 10_000;

    private final ModelService models;
    private final ModelRemoval removal;
    private final Json json;

    public ModelRoutes(ModelService models, ModelRemoval removal, Json json) {
        this.models = models;
        this.removal = removal;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.HIVE_MODELS, this::list);
        routes.post(ApiPaths.HIVE_MODELS_DOWNLOAD, this::download);
        routes.get(ApiPaths.HIVE_DOWNLOAD_PROGRESS, this::progress);
        routes.delete(ApiPaths.HIVE_MODEL_TEMPLATE, ctx -> Responses.json(ctx, json, 200,
                removal.delete(ctx.pathParam(ApiPaths.PARAM_ID))));
    }

    private void list(Context ctx) {
        String provider = ctx.queryParam("provider");
        if (provider != null && !PROVIDERS.contains(provider)) {
            throw RbeeException.invalid(List.of(new FieldError("provider", "enum(hf|file|demo)",
                    "provider must be one of hf, file, demo", provider)), null);
        }
        Responses.json(ctx, json, 200, new ModelsList(models.catalog().list(provider)));
    }

    private void download(Context ctx) {
        DownloadRequest request = Responses.body(ctx, json, DownloadRequest.class);
        Validator v = new Validator();
        v.required("model_ref", request.modelRef());
        v.throwIfInvalid(null);
        DownloadResponse response = models.download(request.modelRef());
        Responses.json(ctx, json, response.alreadyPresent() ? 200 : 202, response);
    }

    /** Streams the download's events until its terminal one; a gone client just stops watching. */
    private void progress(Context ctx) throws InterruptedException {
        Download download = models.downloads().get(ctx.queryParam("id"));
        BlockingQueue<SseEvent> events = download.subscribe();
        try {
            SseChannel channel = SseChannel.open(ctx, json);
            while (true) {
                SseEvent event = events.poll(KEEP_ALIVE_MS, TimeUnit.MILLISECONDS);
                if (event == null) {
                    channel.keepAlive();
                    continue;
                }
                channel.send(event);
                if (Download.isTerminal(event)) {
                    channel.done();
                    return;
                }
            }
        } catch (ClientGoneException gone) {
            // the caller stopped watching (Ctrl+C, cancelled job); the download itself goes on
        } finally {
            download.unsubscribe(events);
        }
    }
}
