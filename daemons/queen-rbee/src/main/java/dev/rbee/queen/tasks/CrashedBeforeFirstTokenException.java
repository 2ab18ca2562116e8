package dev.rbee.queen.tasks;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.QWorker;

/**
 * A worker took the job and its stream ended without a terminal event before queen relayed any token (S159): nothing
 * of the answer reached the caller yet, so the task may go once to another idle worker. Without one, this is the
 * {@code WORKER_FAILED} the caller gets, as for a crash later in the stream (S082).
 */
final class CrashedBeforeFirstTokenException extends RbeeException {
    private final transient QWorker worker;

    CrashedBeforeFirstTokenException(QWorker worker, RbeeException failure) {
        super(failure.code(), failure.status(), failure.getMessage(), failure.details(), failure);
        this.worker = worker;
    }

    QWorker worker() {
        return worker;
    }
}
