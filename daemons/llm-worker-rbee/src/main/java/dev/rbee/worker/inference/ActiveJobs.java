package dev.rbee.worker.inference;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Jobs running on this worker by id, each with the cancel flag the engine checks before every token. */
public final class ActiveJobs {
    private final Map<String, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();

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
    }

    /** Idempotent: unknown and finished jobs are fine. */
    public void cancel(String jobId) {
        AtomicBoolean flag = cancelFlags.get(jobId);
        if (flag != null) {
            flag.set(true);
        }
    }

    public void cancelAll() {
        cancelFlags.values().forEach(flag -> flag.set(true));
    }

    public int count() {
        return cancelFlags.size();
    }
}
