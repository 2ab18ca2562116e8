package dev.rbee.keeper.infer;

import dev.rbee.contract.ApiPaths;
import dev.rbee.contract.client.InterruptedCallException;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.Retry;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One {@code POST /v2/tasks}: streams its events to a listener and returns how it ended (cli.md §10.2). Holds the
 * rules that do not depend on the screen: the 60 s silence limit, {@code DELETE /v2/tasks/{id}} when the stream
 * breaks, the partial-result file, and cancelling (§12). {@link #run()} blocks; {@link #cancel()} may be called
 * from any thread. Single use.
 */
public final class InferenceRun {
    public static final Duration CANCEL_GRACE = Duration.ofSeconds(5);
    public static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

    private final QueenClient client;
    private final QueenUrl url;
    private final TaskRequest request;
    private final PartialResults partials;
    private final InferenceListener listener;
    private final Duration cancelGrace;
    private final Duration idleLimit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().daemon().name("inference-timer").unstarted(runnable));
    private final Object lock = new Object();
    private final StreamState state;

    private Thread runner;
    private SseResponse response;
    private boolean cancelRequested;
    private volatile long lastActivityNanos;
    private volatile boolean idleTimedOut;

    public InferenceRun(QueenClient client, QueenUrl url, TaskRequest request, PartialResults partials,
                        InferenceListener listener) {
        this(client, url, request, partials, listener, CANCEL_GRACE, IDLE_LIMIT);
    }

    /** Shorter limits for tests. */
    InferenceRun(QueenClient client, QueenUrl url, TaskRequest request, PartialResults partials,
                 InferenceListener listener, Duration cancelGrace, Duration idleLimit) {
        this.client = client;
        this.url = url;
        this.request = request;
        this.partials = partials;
        this.listener = listener;
        this.cancelGrace = cancelGrace;
        this.idleLimit = idleLimit;
        this.state = new StreamState(request.node());
    }

    public InferenceOutcome run() {
        synchronized (lock) {
            runner = Thread.currentThread();
        }
        try {
            SseResponse opened = open();
            try (opened) {
                return attach(opened) ? consume(opened) : canceledBeforeStart();
            }
        } catch (InterruptedCallException e) {
            Thread.interrupted();
            return canceledBeforeStart();
        } catch (UnreachableException | RbeeException e) {
            RbeeException error = KeeperErrors.fromClient(e, url);
            return cancelRequested() ? canceledBeforeStart() : new InferenceOutcome.Failed(error, false, null, "");
        } finally {
            timer.shutdownNow();
        }
    }

    /**
     * Ctrl+C: with a job id, {@code DELETE /v2/tasks/{id}} and up to 5 s more reading for {@code end CANCELLED};
     * before the job id is known, the connection is dropped (queen treats that as a cancel).
     */
    public void cancel() {
        SseResponse current;
        synchronized (lock) {
            if (cancelRequested) {
                return;
            }
            cancelRequested = true;
            current = response;
            if (current == null) {
                if (runner != null) {
                    runner.interrupt();
                }
                listener.cancelling(false);
                return;
            }
        }
        String jobId = state.jobId();
        listener.cancelling(jobId != null);
        if (jobId == null) {
            closeQuietly(current);
            return;
        }
        Thread.ofVirtual().start(() -> cancelQuietly(jobId));
        try {
            timer.schedule(() -> closeQuietly(current), cancelGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The run has already ended; there is no stream left to wait for.
        }
    }

    private SseResponse open() {
        Retry refusedOnly = Retry.http().retryingOn(
                e -> e instanceof UnreachableException u && u.kind() == UnreachableException.Kind.REFUSED);
        return refusedOnly.call(() -> client.http().openSse("POST", ApiPaths.TASKS, request, comment -> touch()));
    }

    /** False when a cancel came while the request was being sent: then the connection is simply dropped. */
    private boolean attach(SseResponse opened) {
        synchronized (lock) {
            if (cancelRequested) {
                Thread.interrupted();
                return false;
            }
            response = opened;
            state.accepted(opened.jobId().orElse(null));
        }
        listener.accepted(state.jobId());
        touch();
        long period = Math.max(10, Math.min(1000, idleLimit.toMillis() / 4));
        timer.scheduleAtFixedRate(() -> watchIdle(opened), period, period, TimeUnit.MILLISECONDS);
        return true;
    }

    private InferenceOutcome consume(SseResponse opened) {
        SseEventStream events = opened.events();
        try {
            while (events.hasNext()) {
                SseEventStream.Received received = events.nextReceived();
                touch();
                listener.event(received.event(), received.json());
                InferenceOutcome outcome = onEvent(received.event());
                if (outcome != null) {
                    return outcome;
                }
            }
        } catch (RbeeException e) {
            cancelQuietly(state.jobId());
            return failed(KeeperErrors.fromClient(e, url), false);
        }
        return streamEnded();
    }

    private InferenceOutcome onEvent(SseEvent event) {
        StreamState.Terminal terminal = state.apply(event);
        return switch (terminal) {
            case NONE -> null;
            case COMPLETED -> state.completed();
            case CANCELED_HERE_OR_ELSEWHERE -> cancelRequested()
                    ? new InferenceOutcome.Canceled(state.jobId(), state.node(), true, state.text())
                    : new InferenceOutcome.Failed(StreamState.canceledElsewhere(state.jobId()), true, null,
                    state.text());
            case FAILED -> cancelRequested() && state.errorIsCancel()
                    ? new InferenceOutcome.Canceled(state.jobId(), state.node(), true, state.text())
                    : failed(state.error(), true);
        };
    }

    private InferenceOutcome streamEnded() {
        if (cancelRequested()) {
            return new InferenceOutcome.Canceled(state.jobId(), state.node(), false, state.text());
        }
        cancelQuietly(state.jobId());
        return failed(KeeperErrors.streamInterrupted(idleTimedOut), false);
    }

    private InferenceOutcome failed(RbeeException error, boolean fromEvent) {
        int maxTokens = request.maxTokens() == null ? InferenceOptionsValidator.DEFAULT_MAX_TOKENS
                : request.maxTokens();
        PartialResult partial = partials.save(state.jobId(), state.text(), state.tokens(), maxTokens);
        return new InferenceOutcome.Failed(error, fromEvent, partial, state.text());
    }

    private InferenceOutcome canceledBeforeStart() {
        return new InferenceOutcome.Canceled(null, state.node(), false, "");
    }

    private boolean cancelRequested() {
        synchronized (lock) {
            return cancelRequested;
        }
    }

    private void touch() {
        lastActivityNanos = System.nanoTime();
    }

    private void watchIdle(SseResponse opened) {
        if (System.nanoTime() - lastActivityNanos > idleLimit.toNanos()) {
            idleTimedOut = true;
            closeQuietly(opened);
        }
    }

    /** Best effort: the outcome is already decided, and DELETE is idempotent on queen's side. */
    private void cancelQuietly(String jobId) {
        if (jobId == null) {
            return;
        }
        try {
            client.cancelTask(jobId);
        } catch (UnreachableException | RbeeException | InterruptedCallException e) {
            // Queen is gone or busy; there is nothing more keeper can do about the job.
        }
    }

    private static void closeQuietly(SseResponse opened) {
        try {
            opened.close();
        } catch (RuntimeException e) {
            // Closing only aborts the read; a failure to close leaves nothing to clean up.
        }
    }
}
