package dev.rbee.queen.tasks;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.QWorker;
import java.util.Map;

/**
 * A worker that could not take the job before it started (connection refused, or already draining, e.g. stopped on
 * idle a moment ago); the task may go to another worker.
 */
final class WorkerUnreachableException extends RbeeException {
    private final transient QWorker worker;

    WorkerUnreachableException(QWorker worker, RuntimeException cause) {
        super(ErrorCode.WORKER_FAILED.name(), ErrorCode.WORKER_FAILED.status(), "Worker " + worker.workerId() + " on "
                + worker.node() + " exited: " + cause.getMessage(), Map.of("worker_id", worker.workerId(),
                "phase", "inference", "reason", "crashed"), cause);
        this.worker = worker;
    }

    QWorker worker() {
        return worker;
    }
}
