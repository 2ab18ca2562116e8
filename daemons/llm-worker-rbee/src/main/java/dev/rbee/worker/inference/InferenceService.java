package dev.rbee.worker.inference;

import dev.rbee.contract.Times;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.contract.worker.InferenceRequest;
import dev.rbee.contract.worker.Sampling;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.Responses;
import dev.rbee.daemon.SseChannel;
import dev.rbee.daemon.TestFaults;
import dev.rbee.engine.EngineException;
import dev.rbee.engine.GenerationRequest;
import dev.rbee.engine.GenerationResult;
import dev.rbee.engine.LoadedModel;
import dev.rbee.worker.WorkerConfig;
import dev.rbee.worker.WorkerStatus;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /v1/inference}: validate, take a slot, then stream {@code started}, tokens, metrics and {@code end}. */
public final class InferenceService {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceService.class);
    /** While generating, a quiet second means a keep-alive, which is also how a gone client is noticed (api.md §4). */
    private static final long GENERATING_KEEP_ALIVE_MS = 1000;

    private final WorkerConfig config;
    private final WorkerStatus status;
    private final ActiveJobs jobs;
    private final Supplier<LoadedModel> model;
    private final Json json;
    private final ScheduledExecutorService timer;
    private final TestFaults faults;
    private final InferFaults inferFaults;
    private final SecureRandom seeds = new SecureRandom();

    public InferenceService(WorkerConfig config, WorkerStatus status, ActiveJobs jobs, Supplier<LoadedModel> model,
                            Json json, ScheduledExecutorService timer, TestFaults faults) {
        this.config = config;
        this.status = status;
        this.jobs = jobs;
        this.model = model;
        this.json = json;
        this.timer = timer;
        this.faults = faults;
        this.inferFaults = new InferFaults(faults, config.backend(), config.device());
    }

    public void handle(Context ctx) throws ClientGoneException {
        InferenceRequest request = Responses.body(ctx, json, InferenceRequest.class).validate(Component.WORKER);
        AtomicBoolean cancelled = jobs.start(request.jobId());
        try {
            status.acquireSlot();
        } catch (RuntimeException e) {
            jobs.finish(request.jobId());
            throw e;
        }
        try {
            stream(ctx, request, cancelled);
        } finally {
            jobs.finish(request.jobId());
            status.releaseSlot();
        }
    }

    private void stream(Context ctx, InferenceRequest request, AtomicBoolean cancelled) throws ClientGoneException {
        Sampling sampling = request.sampling();
        long seed = sampling.seed() != null ? sampling.seed() : seeds.nextLong(0, Long.MAX_VALUE);
        LOG.info("Job {} started (seed {})", request.jobId(), seed); // the hive reads this when the worker dies (S083)
        SseChannel channel = SseChannel.open(ctx, json);
        Runnable clientGone = () -> jobs.cancel(request.jobId(), "client disconnected");
        ScheduledFuture<?> keepAlive = timer.scheduleAtFixedRate(() -> pingOrCancel(channel, clientGone),
                250, 250, TimeUnit.MILLISECONDS);
        try {
            channel.send(new StartedEvent(request.jobId(), config.modelRef(), config.node(), config.workerId(),
                    Times.now(), seed));
            inferFaults.beforeFirstToken(request.jobId());
            TokenStreamer tokens = new TokenStreamer(channel, cancelled, clientGone,
                    faults.millis("worker.token_delay_ms").orElse(0L));
            GenerationResult result = model.get().generate(generation(request, sampling, seed), tokens, cancelled::get);
            finish(channel, request.jobId(), result);
        } catch (EngineException e) {
            LOG.error("Job {} failed: {}", request.jobId(), e.getMessage());
            channel.send(new ErrorEvent(ErrorCode.INFERENCE_FAILED.name(), e.getMessage(),
                    Map.of("component", Component.WORKER, "worker_id", config.workerId())));
            channel.done();
        } finally {
            keepAlive.cancel(false);
        }
    }

    private void finish(SseChannel channel, String jobId, GenerationResult result) throws ClientGoneException {
        StopReason reason = StopReason.valueOf(result.stopReason().name());
        if (reason == StopReason.CANCELLED) {
            LOG.info("job {} cancelled ({}) after {} tokens", jobId, jobs.cancelReason(jobId), result.tokensOut());
        } else {
            LOG.info("Job {} ended: {} tokens, {}", jobId, result.tokensOut(), reason);
        }
        if (!channel.isOpen()) {
            return; // the client left; nobody reads the end
        }
        double seconds = Math.max(result.decodeNanos(), 1) / 1e9;
        double tokensPerSecond = Math.round(result.tokensOut() / seconds * 10) / 10.0;
        if (reason == StopReason.CANCELLED) {
            channel.send(new NarrationEvent("llm-worker-rbee", "cancel", "Request canceled, slot released", jobId));
        } else {
            channel.send(new NarrationEvent("llm-worker-rbee", "inference_complete", "Inference complete: "
                    + result.tokensOut() + " tokens in " + String.format(java.util.Locale.ROOT, "%.1f", seconds)
                    + " s (" + tokensPerSecond + " tok/s)", jobId));
        }
        channel.send(new MetricsEvent(tokensPerSecond, result.firstTokenNanos() / 1_000_000));
        channel.send(new EndEvent(result.tokensOut(), result.decodeNanos() / 1_000_000, reason,
                result.stopSequenceMatched(), tokensPerSecond, result.promptTokens()));
        channel.done();
    }

    private static GenerationRequest generation(InferenceRequest request, Sampling s, long seed) {
        return new GenerationRequest(request.prompt(), s.maxTokens(), s.temperature(), s.topP(), s.topK(), s.minP(),
                s.repetitionPenalty(), seed, s.stop());
    }

    private static void pingOrCancel(SseChannel channel, Runnable clientGone) {
        try {
            channel.keepAliveIfIdle(GENERATING_KEEP_ALIVE_MS);
        } catch (ClientGoneException e) {
            clientGone.run();
        }
    }
}
