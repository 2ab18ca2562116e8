package dev.rbee.worker.inference;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Jobs running on this worker by id, each with the cancel flag the engine checks before every token. */
public final class ActiveJobs {
    private final Map<String, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();
    private final Map<String, String> cancelReasons = new ConcurrentHashMap<>();

    /** Registers a job; a job id that is already running is queen's bug and answered 409. */
    public AtomicBoolean start(String jobId) {
        AtomicBoolean flag = new AtomicBoolean();
        if (cancelFlags.putIfAbsent(jobId, flag) != null) {
            throw RbeeException.of(ErrorCode.DUPLICATE_JOB_ID, "Job " + jobId + " is already running on this worker",
                    Map.of("job_id", jobId));
        }
        return flag;
    }

    public void finish(String jobId) {
        cancelFlags.remove(jobId);
        cancelReasons.remove(jobId);
    }

    /** Idempotent: unknown and finished jobs are fine. The first reason given is the one logged. */
    public void cancel(String jobId, String reason) {
        AtomicBoolean flag = cancelFlags.get(jobId);
        if (flag != null) {
            cancelReasons.putIfAbsent(jobId, reason);
            flag.set(true);
        }
    }

    public void cancelAll(String reason) {
        cancelFlags.keySet().forEach(jobId -> cancel(jobId, reason));
    }

    public String cancelReason(String jobId) {
        return cancelReasons.getOrDefault(jobId, "canceled");
    }

    public int count() {
        return cancelFlags.size();
    }
}
