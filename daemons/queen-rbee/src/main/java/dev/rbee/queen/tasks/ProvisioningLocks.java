package dev.rbee.queen.tasks;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One provisioning at a time per (node, model, backend, device) (S142): a second cold job for the same model waits
 * until the first one's worker is in the registry (loading), then joins it, so the hub sees one download and the hive
 * one spawn. A waiting job can still be canceled.
 */
final class ProvisioningLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Held until closed; {@code onWait} runs once when another job holds the key. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held acquire(String key, JobRecord job, Runnable onWait) {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            onWait.run();
            try {
                while (!lock.tryLock(100, TimeUnit.MILLISECONDS)) {
                    if (job.cancelRequested()) {
                        throw canceled(job);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw canceled(job);
            }
        }
        return lock::unlock;
    }

    static RbeeException canceled(JobRecord job) {
        return RbeeException.of(ErrorCode.CANCELLED, "Job " + job.jobId() + " was canceled",
                Map.of("job_id", job.jobId()));
    }
}
