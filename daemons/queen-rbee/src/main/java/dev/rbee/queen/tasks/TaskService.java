package dev.rbee.queen.tasks;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.ErrorSummary;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.worker.CancelReason;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.Responses;
import dev.rbee.daemon.SseChannel;
import dev.rbee.queen.hive.LocalHive;
import dev.rbee.queen.registry.WorkerDirectory;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v2/tasks} and {@code DELETE /v2/tasks/{id}}: answer errors found before the stream as envelopes, then
 * commit the stream with {@code X-Job-Id} and turn every later failure into an {@code error} event (api.md §5.6).
 */
public final class TaskService {
    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);

    private final JobRegistry jobs;
    private final Provisioner provisioner;
    private final WorkerDirectory directory;
    private final TokenRelay relay;
    private final WorkerClients workers;
    private final Json json;
    private final ScheduledExecutorService timer;
    private final BooleanSupplier stopping;
    private final JobFollowers followers;
    /** Whether a node exists: {@code localhost}, or a row of the node registry once one is wired in. */
    private volatile java.util.function.Predicate<String> knownNode = LocalHive.NODE::equals;

    public TaskService(JobRegistry jobs, Provisioner provisioner, WorkerDirectory directory, WorkerClients workers,
                       Json json, ScheduledExecutorService timer, Duration stallLimit, BooleanSupplier stopping) {
        this.jobs = jobs;
        this.provisioner = provisioner;
        this.directory = directory;
        this.relay = new TokenRelay(workers, w -> provisioner.exitCause(w).map(ErrorSummary::message), timer,
                stallLimit, directory);
        this.workers = workers;
        this.json = json;
        this.timer = timer;
        this.stopping = stopping;
        this.followers = new JobFollowers(json, dev.rbee.queen.events.ClusterEvents.DEFAULT_KEEP_ALIVE_MS,
                JobFollowers.FOLLOWER_QUEUE);
    }

    /** For tests that drive a job's events without a worker. */
    JobFollowers followers() {
        return followers;
    }

    /** Nodes are looked up in the registry (api.md §5.6: an unknown node is 404 before any stream). */
    public void knownNodes(java.util.function.Predicate<String> known) {
        this.knownNode = known;
    }

    public void handle(Context ctx) throws ClientGoneException {
        TaskRequest request = Responses.body(ctx, json, TaskRequest.class).validate(Component.QUEEN);
        String node = admit(request);
        JobRecord job = jobs.create(node, request.model());
        ctx.header(ApiPaths.HEADER_JOB_ID, job.jobId());
        execute(request, UnaryOperator.identity(), node, job, new SseSink(SseChannel.open(ctx, json)));
    }

    /**
     * Runs a validated task to its end on the same path as {@code POST /v2/tasks}, with the events going to the sink
     * that {@code sinkForJob} makes for the new job id (the OpenAI endpoints). {@code beforeInference} may still
     * change the request once the model is on its node and a worker is ready (the chat template comes from the
     * model's file). Refusals that come before any job (shutting down, unknown node) are thrown.
     */
    public void run(TaskRequest request, UnaryOperator<TaskRequest> beforeInference,
                    Function<String, TaskSink> sinkForJob) throws ClientGoneException {
        String node = admit(request);
        JobRecord job = jobs.create(node, request.model());
        execute(request, beforeInference, node, job, sinkForJob.apply(job.jobId()));
    }

    /** What is refused with an envelope before a job exists (api.md §5.6). */
    private String admit(TaskRequest request) {
        if (stopping.getAsBoolean()) {
            throw RbeeException.of(ErrorCode.SHUTTING_DOWN, "queen-rbee is shutting down");
        }
        String node = request.nodeOrDefault();
        if (!knownNode.test(node)) {
            throw RbeeException.of(ErrorCode.NODE_NOT_FOUND, "Node '" + node + "' is not registered",
                    Map.of("node", node));
        }
        return node;
    }

    private void execute(TaskRequest request, UnaryOperator<TaskRequest> beforeInference, String node, JobRecord job,
                         TaskSink sink) throws ClientGoneException {
        ScheduledFuture<?> watcher = timer.scheduleAtFixedRate(() -> watchClient(sink, job), 250, 250,
                TimeUnit.MILLISECONDS);
        try {
            run(request, beforeInference, node, job, new TaskStream(followers.track(job.jobId(), sink), job.jobId()));
        } finally {
            watcher.cancel(false);
            jobs.finished(job);
            dev.rbee.contract.queen.Job ended = job.toJob();
            followers.finished(ended);
            LOG.info("Job {} finished: {}, {} tokens", job.jobId(), ended.state(), ended.tokensOut());
        }
    }

    private void run(TaskRequest request, UnaryOperator<TaskRequest> beforeInference, String node, JobRecord job,
                     TaskStream stream) throws ClientGoneException {
        try {
            LOG.info("Job {} accepted: {} on {}", job.jobId(), request.model(), node);
            stream.narrate("infer_start", "Starting inference of " + request.model() + " on " + node);
            try {
                List<QWorker> workers = provisioner.workersFor(request, node, stream, job);
                runOn(workers, beforeInference.apply(request), job, stream);
            } catch (WorkerUnreachableException e) {
                // The worker died before the job started (api.md §5.6 step 7): forget it and try once more.
                LOG.warn("Job {}: {}; provisioning again", job.jobId(), e.getMessage());
                directory.remove(e.worker().workerId());
                List<QWorker> workers = provisioner.workersFor(request, node, stream, job);
                runOn(workers, beforeInference.apply(request), job, stream);
            } catch (CrashedBeforeFirstTokenException e) {
                failOver(e, request, beforeInference, node, job, stream);
            }
        } catch (RbeeException e) {
            fail(job, stream, e);
        } catch (UncheckedIOException | ClientGoneException e) {
            LOG.info("Job {}: the caller disconnected; canceling", job.jobId());
            cancel(job, CancelReason.CLIENT_DISCONNECTED);
            job.failed(ErrorCode.CANCELLED.name(), "client disconnected");
            return;
        } catch (RuntimeException e) {
            // The stream is committed, so even a bug must reach the caller as an error event, not a silent end.
            LOG.error("Job {} failed unexpectedly", job.jobId(), e);
            fail(job, stream, RbeeException.of(ErrorCode.INTERNAL_ERROR, "Unexpected failure: " + e));
        }
        stream.sink().done();
    }

    /** S159: nothing reached the caller yet, so the job goes once to another idle worker, if there is one. */
    private void failOver(CrashedBeforeFirstTokenException crash, TaskRequest request,
                          UnaryOperator<TaskRequest> beforeInference, String node, JobRecord job, TaskStream stream)
            throws ClientGoneException {
        List<QWorker> others = Failover.targets(directory.candidates(node, request.model(), request.backend(),
                request.device()), crash.worker().workerId());
        if (others.isEmpty()) {
            throw crash;
        }
        String narration = Failover.narration(crash.worker(), others.getFirst());
        LOG.warn("Job {}: {} ({})", job.jobId(), narration, crash.getMessage());
        stream.narrate("failover", narration);
        runOn(others, beforeInference.apply(request), job, stream);
    }

    private static void fail(JobRecord job, TaskStream stream, RbeeException e) throws ClientGoneException {
        LOG.warn("Job {} failed: {} {}", job.jobId(), e.code(), e.getMessage());
        job.failed(e.code(), e.getMessage());
        RbeeException shown = e.withComponentIfAbsent(Component.QUEEN);
        stream.sink().send(new ErrorEvent(shown.code(), shown.getMessage(), shown.details()));
    }

    private void runOn(List<QWorker> candidates, TaskRequest request, JobRecord job, TaskStream stream)
            throws ClientGoneException {
        if (job.cancelRequested()) {
            throw RbeeException.of(ErrorCode.CANCELLED, "Job " + job.jobId() + " was canceled",
                    Map.of("job_id", job.jobId()));
        }
        relay.relay(request, candidates, job, stream);
    }

    /**
     * {@code GET /v2/tasks/{job_id}/stream} (docs/decisions.md): the job's events so far, then live ones, up to its
     * terminal {@code end} or {@code error} and {@code [DONE]}. Read-only: leaving does not cancel the job. An id
     * that neither runs nor is in the registry is {@code 404 JOB_NOT_FOUND} before any stream.
     */
    public void follow(Context ctx) throws InterruptedException {
        String jobId = ctx.pathParam(ApiPaths.PARAM_JOB_ID);
        FollowedJob followed = followers.find(jobId).orElseGet(() -> followers.endedOnly(jobs.get(jobId)));
        JobFollower follower = followed.follow();
        try {
            follower.run(dev.rbee.queen.events.ChannelSink.open(ctx, SseChannel.open(ctx, json)));
        } catch (ClientGoneException e) {
            // the follower left; the job goes on for its submitter
        } finally {
            followed.unfollow(follower);
        }
    }

    /** Cancels the job's work on its worker; idempotent and silent for unknown or finished jobs. */
    public void cancel(String jobId) {
        jobs.find(jobId).ifPresent(job -> cancel(job, CancelReason.CANCEL_REQUEST));
    }

    /** Part of the cascade: queen is going away, so its callers' streams end now rather than after a drain. */
    public void cancelAll() {
        jobs.runningRecords().forEach(job -> cancel(job, CancelReason.SHUTDOWN));
    }

    private void cancel(JobRecord job, CancelReason reason) {
        if (job.isFinished() || !job.requestCancel()) {
            return;
        }
        String url = job.workerUrl();
        if (url != null) {
            Thread.ofVirtual().start(() -> {
                try {
                    workers.client(url).cancel(job.jobId(), reason);
                } catch (RuntimeException e) {
                    LOG.warn("Could not forward cancel of {} to {}: {}", job.jobId(), url, e.getMessage());
                }
            });
        }
    }

    /** A keep-alive every second while the job runs (10 s while provisioning) notices a caller that left. */
    private void watchClient(TaskSink sink, JobRecord job) {
        try {
            sink.keepAliveIfIdle(job.workerUrl() != null ? 1000 : 10_000);
        } catch (ClientGoneException e) {
            cancel(job, CancelReason.CLIENT_DISCONNECTED);
        }
    }
}
