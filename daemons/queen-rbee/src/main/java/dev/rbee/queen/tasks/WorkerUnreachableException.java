package dev.rbee.queen.tasks;

import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.QWorker;
import java.util.Map;

/** A worker that refused the connection before the job started; the task may go to another worker. */
final class WorkerUnreachableException extends RbeeException {
    private final transient QWorker worker;

    WorkerUnreachableException(QWorker worker, UnreachableException cause) {
        super(ErrorCode.WORKER_FAILED.name(), ErrorCode.WORKER_FAILED.status(), "Worker " + worker.workerId() + " on "
                + worker.node() + " exited: " + cause.getMessage(), Map.of("worker_id", worker.workerId(),
                "phase", "inference", "reason", "crashed"), cause);
        this.worker = worker;
    }

    QWorker worker() {
        return worker;
    }
}
