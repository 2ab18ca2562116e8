package dev.rbee.queen.tasks;

import dev.rbee.contract.Times;
import dev.rbee.contract.error.ErrorSummary;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.contract.sse.JobEvent;
import dev.rbee.queen.events.ClusterEvents;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** One task's life as queen tracks it; the relay updates it while events pass through. */
final class JobRecord {
    private static final long PUBLISH_INTERVAL_NANOS = 1_000_000_000L;

    private final String jobId;
    private final String node;
    private final String model;
    private final String createdAt = Times.now();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private String workerId;
    private String workerUrl;
    private String state = JobState.PROVISIONING;
    private int tokensOut;
    private String startedAt;
    private String endedAt;
    private StopReason stopReason;
    private ErrorSummary error;
    private final ClusterEvents events;
    private long lastPublishedNanos;
    private long startedNanos;
    private long firstTokenNanos;
    private long endedNanos;
    private String downloadOutcome;

    JobRecord(String jobId, String node, String model, ClusterEvents events) {
        this.jobId = jobId;
        this.node = node;
        this.model = model;
        this.events = events;
    }

    /** Publishes the job as it is now; every change goes through here, under the bus lock, then this record's. */
    private void change(BooleanSupplier mutation) {
        events.change(() -> {
            synchronized (this) {
                if (!mutation.getAsBoolean()) {
                    return List.<JobEvent>of();
                }
                lastPublishedNanos = System.nanoTime();
                return List.of(new JobEvent(jobId, node, model, workerId, state, tokensOut, stopReason, error));
            }
        });
    }

    void created() {
        change(() -> true);
    }

    String jobId() {
        return jobId;
    }

    synchronized void assigned(String id, String url) {
        workerId = id;
        workerUrl = url;
    }

    synchronized String workerUrl() {
        return workerUrl;
    }

    void started() {
        change(() -> {
            state = JobState.RUNNING;
            startedAt = Times.now();
            startedNanos = System.nanoTime();
            return true;
        });
    }

    /** Token counts reach watchers at most once a second (api.md §5.7); the final count comes with the end. */
    void token() {
        change(() -> {
            if (tokensOut == 0) {
                firstTokenNanos = System.nanoTime();
            }
            tokensOut++;
            return System.nanoTime() - lastPublishedNanos >= PUBLISH_INTERVAL_NANOS;
        });
    }

    void ended(StopReason reason) {
        change(() -> {
            state = reason == StopReason.CANCELLED ? JobState.CANCELLED : JobState.COMPLETED;
            stopReason = reason;
            endedAt = Times.now();
            endedNanos = System.nanoTime();
            return true;
        });
    }

    void failed(String code, String message) {
        change(() -> {
            state = JobState.FAILED;
            error = new ErrorSummary(code, message);
            endedAt = Times.now();
            endedNanos = System.nanoTime();
            return true;
        });
    }

    synchronized boolean isFinished() {
        return endedAt != null;
    }

    private volatile Runnable provisioningAbort = () -> { };

    /** What stops the provisioning step now under way (closing a stream it waits on) when the job is canceled. */
    void onCancelWhileProvisioning(Runnable abort) {
        provisioningAbort = abort;
        if (cancelRequested.get()) {
            abort.run();
        }
    }

    /** Returns true the first time; the caller then forwards the cancel to the worker. */
    boolean requestCancel() {
        boolean first = cancelRequested.compareAndSet(false, true);
        if (first) {
            provisioningAbort.run();
        }
        return first;
    }

    boolean cancelRequested() {
        return cancelRequested.get();
    }

    synchronized Job toJob() {
        return new Job(jobId, node, model, workerId, state, tokensOut, createdAt, startedAt, endedAt, stopReason, error);
    }

    /** How the model download this job waited for ended ({@code completed} or {@code failed}). */
    synchronized void downloadEnded(String outcome) {
        downloadOutcome = outcome;
    }

    synchronized FinishedJob finishedSummary() {
        Double inference = startedNanos != 0 && endedNanos != 0 ? seconds(endedNanos - startedNanos) : null;
        Double firstToken = startedNanos != 0 && firstTokenNanos != 0 ? seconds(firstTokenNanos - startedNanos) : null;
        return new FinishedJob(toJob(), inference, firstToken, downloadOutcome);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
