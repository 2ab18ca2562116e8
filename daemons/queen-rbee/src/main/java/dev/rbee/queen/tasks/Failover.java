package dev.rbee.queen.tasks;

import dev.rbee.contract.WorkerState;
import dev.rbee.contract.queen.QWorker;
import java.util.List;

/**
 * Where a job goes after its worker crashed before the first token (S159, api.md §5.6 step 7 and §10): once, to
 * another matching worker that can take it now. Without one the job fails with the crash's {@code WORKER_FAILED};
 * it does not wait for a busy worker or spawn a new one (docs/decisions.md).
 */
final class Failover {
    private Failover() {
    }

    /** The candidates, best first, that may take the retry: not the crashed worker, and with a slot free now. */
    static List<QWorker> targets(List<QWorker> candidates, String crashedWorkerId) {
        return candidates.stream()
                .filter(w -> !w.workerId().equals(crashedWorkerId))
                .filter(w -> WorkerState.IDLE.equals(w.state()) || WorkerState.BUSY.equals(w.state()))
                .filter(w -> w.slotsBusy() < w.slotsTotal())
                .toList();
    }

    /** The narration of S159, naming the worker tried first. */
    static String narration(QWorker crashed, QWorker next) {
        return "Worker " + crashed.workerId() + " crashed before the first token; retrying on " + next.workerId();
    }
}
