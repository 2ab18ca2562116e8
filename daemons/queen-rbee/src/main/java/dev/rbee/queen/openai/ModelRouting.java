package dev.rbee.queen.openai;

import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.queen.hive.LocalHive;
import dev.rbee.queen.registry.WorkerDirectory;

/**
 * Routing of the OpenAI endpoints (api.md §5.8): they name no node, so the job goes where a non-stale worker of the
 * model has a free slot, on any node, idle ones first; with none, it takes the cold path of §5.6 on {@code localhost}.
 */
public final class ModelRouting {
    private final WorkerDirectory directory;

    public ModelRouting(WorkerDirectory directory) {
        this.directory = directory;
    }

    /** The node for a job of {@code model}. */
    public String nodeFor(String model) {
        // candidates() puts idle workers first, then busy ones with a free slot; a full one does not attract a job.
        return directory.candidates(null, model, null, null).stream()
                .filter(w -> w.slotsBusy() < w.slotsTotal())
                .map(QWorker::node)
                .findFirst()
                .orElse(LocalHive.NODE);
    }

    /** The task with its node filled in; the rest of it runs as any {@code /v2/tasks} request. */
    public TaskRequest route(TaskRequest t) {
        return new TaskRequest(nodeFor(t.model()), t.model(), t.backend(), t.device(), t.prompt(), t.maxTokens(),
                t.temperature(), t.topP(), t.topK(), t.minP(), t.repetitionPenalty(), t.seed(), t.stop());
    }
}
