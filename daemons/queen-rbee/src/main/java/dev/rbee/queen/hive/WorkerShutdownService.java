package dev.rbee.queen.hive;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.WorkersShutdownRequest;
import dev.rbee.contract.queen.WorkersShutdownResponse;
import dev.rbee.contract.validation.Validator;
import dev.rbee.daemon.Responses;
import dev.rbee.queen.registry.WorkerDirectory;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v2/workers/shutdown} (api.md §5.4): one worker by id, or all (of a node); each worker's hive is asked
 * to stop it, the workers drain and leave the registry when they exit. Answers 202 with the ids asked to stop.
 */
public final class WorkerShutdownService {
    private final WorkerDirectory directory;
    private final LocalHive local;
    private final Json json;

    public WorkerShutdownService(WorkerDirectory directory, LocalHive local, Json json) {
        this.directory = directory;
        this.local = local;
        this.json = json;
    }

    public void handle(Context ctx) {
        WorkersShutdownRequest request = Responses.body(ctx, json, WorkersShutdownRequest.class);
        if (!request.isWellFormed()) {
            Validator v = new Validator();
            v.fail("worker_id", "one_of(worker_id|all)", "give either worker_id or all:true (with an optional node)",
                    request.workerId());
            v.throwIfInvalid(dev.rbee.contract.error.Component.QUEEN);
        }
        List<QWorker> targets = request.workerId() != null ? List.of(one(request.workerId()))
                : directory.list(request.node());
        List<String> stopping = targets.stream().filter(this::askHive).map(QWorker::workerId).toList();
        if (request.workerId() != null && stopping.isEmpty()) {
            throw notFound(request.workerId());
        }
        Responses.json(ctx, json, 202, new WorkersShutdownResponse(stopping));
    }

    private QWorker one(String workerId) {
        return directory.list(null).stream().filter(w -> w.workerId().equals(workerId)).findFirst()
                .orElseThrow(() -> notFound(workerId));
    }

    private static RbeeException notFound(String workerId) {
        return RbeeException.of(ErrorCode.WORKER_NOT_FOUND, "Worker '" + workerId + "' not found",
                Map.of("worker_id", workerId));
    }

    /**
     * False when the worker is already gone: queen learns of an exit only with the hive's next heartbeat, so a worker
     * its hive no longer knows is dropped here rather than reported as stopping.
     */
    private boolean askHive(QWorker worker) {
        Optional<LocalHive.Running> hive = local.running();
        if (hive.isEmpty()) {
            directory.remove(worker.workerId());
            return false;
        }
        try {
            hive.get().client().shutdownWorker(worker.workerId());
            directory.draining(worker.workerId());
            return true;
        } catch (RbeeException e) {
            if (!e.is(ErrorCode.WORKER_NOT_FOUND)) {
                throw e;
            }
            directory.remove(worker.workerId());
            return false;
        }
    }
}
