package dev.rbee.queen.tasks;

import dev.rbee.contract.Times;
import dev.rbee.contract.error.ErrorSummary;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;
import dev.rbee.contract.sse.StopReason;
import java.util.concurrent.atomic.AtomicBoolean;

/** One task's life as queen tracks it; the relay updates it while events pass through. */
final class JobRecord {
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

    JobRecord(String jobId, String node, String model) {
        this.jobId = jobId;
        this.node = node;
        this.model = model;
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

    synchronized void started() {
        state = JobState.RUNNING;
        startedAt = Times.now();
    }

    synchronized void token() {
        tokensOut++;
    }

    synchronized void ended(StopReason reason) {
        state = reason == StopReason.CANCELLED ? JobState.CANCELLED : JobState.COMPLETED;
        stopReason = reason;
        endedAt = Times.now();
    }

    synchronized void failed(String code, String message) {
        state = JobState.FAILED;
        error = new ErrorSummary(code, message);
        endedAt = Times.now();
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
}
