package dev.rbee.keeper.workers;

import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.WorkersShutdownRequest;
import dev.rbee.contract.queen.WorkersShutdownResponse;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stopping workers as {@code worker stop} does it (cli.md §9): the workers drain and then exit. The nodes are read
 * first, since a stopping worker may already be gone from the list when the answer is shown.
 */
public final class WorkerStop {
    /** Queen's answer and the node of each worker it knew before the stop. */
    public record Stopped(WorkersShutdownResponse answer, Map<String, String> nodeOf) {
        public List<String> stopping() {
            return answer.stopping();
        }

        /** One line per worker, or the single line for none. */
        public List<String> lines() {
            if (answer.stopping().isEmpty()) {
                return List.of("No workers to stop");
            }
            return answer.stopping().stream().map(worker -> "✅ Worker " + worker + " on "
                    + nodeOf.getOrDefault(worker, "its node") + " is draining and will stop").toList();
        }
    }

    private WorkerStop() {
    }

    public static Stopped stop(QueenClient queen, WorkersShutdownRequest request) {
        Map<String, String> nodeOf = queen.workersList(null).workers().stream()
                .collect(Collectors.toMap(QWorker::workerId, QWorker::node, (a, b) -> a));
        return new Stopped(queen.shutdownWorkers(request), nodeOf);
    }
}
