package dev.rbee.queen.openai;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.openai.ChatCompletionRequest;
import dev.rbee.contract.openai.CompletionRequest;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.Responses;
import dev.rbee.queen.tasks.TaskService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The OpenAI-compatible endpoints (api.md §5.8): each request is checked, mapped onto a {@code /v2/tasks} request
 * and run by {@link TaskService} like any task; only the shape of the answer differs.
 */
public final class OpenAiRoutes {
    private final TaskService tasks;
    private final ModelListing models;
    private final Function<String, ChatTemplate> templates;
    private final Json json;
    private final ModelRouting routing;

    /**
     * {@code templates} picks the chat format for a model ref (the GGUF's own, else the table of §5.8); it is asked
     * once the model is on the node, just before inference, so a first, cold request gets the GGUF's format too.
     */
    public OpenAiRoutes(TaskService tasks, ModelListing models, Function<String, ChatTemplate> templates,
                        ModelRouting routing, Json json) {
        this.tasks = tasks;
        this.routing = routing;
        this.models = models;
        this.templates = templates;
        this.json = json;
    }

    public void register(RoutesConfig routes) {
        routes.get(ApiPaths.OPENAI_MODELS, ctx -> Responses.json(ctx, json, 200, models.list()));
        routes.post(ApiPaths.OPENAI_CHAT_COMPLETIONS, this::chat);
        routes.post(ApiPaths.OPENAI_COMPLETIONS, this::completion);
    }

    private void chat(Context ctx) throws ClientGoneException {
        ChatCompletionRequest request = Responses.body(ctx, json, ChatCompletionRequest.class);
        TaskRequest task = routing.route(OpenAiRequests.chat(request, ChatTemplate::forModelRef));
        answer(ctx, true, task, ready -> OpenAiRequests.withPrompt(ready, templates.apply(ready.model())
                .render(request.messages())), request.isStream());
    }

    private void completion(Context ctx) throws ClientGoneException {
        CompletionRequest request = Responses.body(ctx, json, CompletionRequest.class);
        answer(ctx, false, routing.route(OpenAiRequests.completion(request)), UnaryOperator.identity(),
                request.isStream());
    }

    private void answer(Context ctx, boolean chat, TaskRequest task, UnaryOperator<TaskRequest> beforeInference,
                        boolean stream) throws ClientGoneException {
        long created = Instant.now().getEpochSecond();
        if (stream) {
            AtomicReference<ChunkSink> sink = new AtomicReference<>();
            tasks.run(task, beforeInference, jobId -> {
                ctx.header(ApiPaths.HEADER_JOB_ID, jobId);
                sink.set(new ChunkSink(ctx, json, new Reply(chat, jobId, created, task.model())));
                return sink.get();
            });
            sink.get().finish();
            return;
        }
        AtomicReference<CollectingSink> sink = new AtomicReference<>();
        tasks.run(task, beforeInference, jobId -> {
            ctx.header(ApiPaths.HEADER_JOB_ID, jobId); // as on /v2/tasks, so the job can be found and canceled
            sink.set(new CollectingSink(new Reply(chat, jobId, created, task.model())));
            return sink.get();
        });
        Responses.json(ctx, json, 200, sink.get().result());
    }
}
