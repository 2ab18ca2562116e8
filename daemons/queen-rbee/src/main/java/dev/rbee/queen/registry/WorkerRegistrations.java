package dev.rbee.queen.registry;

import dev.rbee.contract.Times;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.RegisterWorkerRequest;
import dev.rbee.contract.queen.RegisterWorkerResponse;
import dev.rbee.contract.queen.WorkerHeartbeatRequest;
import dev.rbee.contract.queen.WorkerHeartbeatResponse;
import dev.rbee.contract.validation.SpawnValidation;
import dev.rbee.contract.validation.Validator;
import dev.rbee.daemon.Responses;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@code POST /v2/workers/register} and {@code POST /v2/workers/{id}/heartbeat} (api.md §5.5): a hive announces a
 * worker before it launches it, then reports its state changes. Serialised per queen (registrations are rare), and
 * a heartbeat whose {@code seq} is not newer than the last applied one is ignored, so a late one never undoes a newer.
 */
public final class WorkerRegistrations {
    private final WorkerDirectory directory;
    private final Predicate<String> knownNode;
    private final Map<String, Long> lastSeq = new ConcurrentHashMap<>();

    public WorkerRegistrations(WorkerDirectory directory, Predicate<String> knownNode) {
        this.directory = directory;
        this.knownNode = knownNode;
    }

    /** The two internal routes (cluster secret). */
    public void register(io.javalin.config.RoutesConfig routes, dev.rbee.contract.json.Json json) {
        routes.post(dev.rbee.contract.ApiPaths.WORKERS_REGISTER, ctx -> {
            RegisterWorkerRequest request = Responses.body(ctx, json, RegisterWorkerRequest.class);
            boolean created = register(request);
            Responses.json(ctx, json, created ? 201 : 200, new RegisterWorkerResponse(request.workerId()));
        });
        routes.post(dev.rbee.contract.ApiPaths.WORKER_HEARTBEAT_TEMPLATE, ctx -> Responses.json(ctx, json, 200,
                new WorkerHeartbeatResponse(heartbeat(ctx.pathParam(dev.rbee.contract.ApiPaths.PARAM_ID),
                        Responses.body(ctx, json, WorkerHeartbeatRequest.class)))));
    }

    /** True when the worker is new (201); the same registration again only refreshes it (200). */
    public synchronized boolean register(RegisterWorkerRequest r) {
        validate(r);
        if (!knownNode.test(r.node())) {
            throw RbeeException.of(ErrorCode.NODE_NOT_FOUND, "Node '" + r.node() + "' is not registered",
                    Map.of("node", r.node()));
        }
        var existing = directory.find(r.workerId());
        if (existing.isPresent()) {
            QWorker w = existing.get();
            if (!w.node().equals(r.node()) || !w.url().equals(r.url())) {
                throw RbeeException.of(ErrorCode.WORKER_ALREADY_REGISTERED, "Worker '" + r.workerId()
                        + "' is already registered on " + w.node() + " at " + w.url(), Map.of("worker_id",
                        r.workerId(), "node", w.node(), "url", w.url()));
            }
            directory.put(refreshed(w));
            return false;
        }
        directory.put(new QWorker(r.workerId(), r.node(), r.url(), r.modelRef(),
                r.resolvedRef() == null ? r.modelRef() : r.resolvedRef(), r.backend(),
                r.device() == null ? 0 : r.device(), WorkerState.LOADING, r.slotsTotal() == null ? 1 : r.slotsTotal(),
                0, 0, Times.now(), false));
        lastSeq.remove(r.workerId());
        return true;
    }

    /** False when {@code seq} is not newer than the last one applied (the heartbeat is ignored). */
    public synchronized boolean heartbeat(String workerId, WorkerHeartbeatRequest beat) {
        QWorker w = directory.find(workerId).orElseThrow(() -> RbeeException.of(ErrorCode.WORKER_NOT_FOUND,
                "Worker '" + workerId + "' not found", Map.of("worker_id", workerId)));
        Validator v = new Validator();
        if (v.required("state", beat.state())) {
            v.oneOf("state", beat.state(), WorkerState.ALL);
        }
        v.range("seq", beat.seq(), 0, Long.MAX_VALUE);
        v.throwIfInvalid(Component.QUEEN);
        if (beat.seq() != null) {
            Long last = lastSeq.get(workerId);
            if (last != null && beat.seq() <= last) {
                return false;
            }
            lastSeq.put(workerId, beat.seq());
        }
        directory.put(new QWorker(w.workerId(), w.node(), beat.url() == null ? w.url() : beat.url(), w.modelRef(),
                w.resolvedRef(), w.backend(), w.device(), beat.state(),
                beat.slotsTotal() == null ? w.slotsTotal() : beat.slotsTotal(),
                beat.slotsBusy() == null ? 0 : beat.slotsBusy(), beat.vramBytes() == null ? 0 : beat.vramBytes(),
                Times.now(), false));
        return true;
    }

    private static QWorker refreshed(QWorker w) {
        return new QWorker(w.workerId(), w.node(), w.url(), w.modelRef(), w.resolvedRef(), w.backend(), w.device(),
                w.state(), w.slotsTotal(), w.slotsBusy(), w.vramBytes(), Times.now(), false);
    }

    private static void validate(RegisterWorkerRequest r) {
        Validator v = new Validator();
        if (v.required("worker_id", r.workerId())) {
            v.pattern("worker_id", r.workerId(), dev.rbee.contract.Ids.WORKER_ID);
        }
        v.required("node", r.node());
        v.required("url", r.url());
        v.required("model_ref", r.modelRef());
        if (v.required("backend", r.backend())) {
            v.oneOf("backend", r.backend(), java.util.List.of("cpu", "cuda", "metal"));
        }
        v.range("device", r.device(), 0, Integer.MAX_VALUE);
        v.range("slots_total", r.slotsTotal(), SpawnValidation.MIN_SLOTS, SpawnValidation.MAX_SLOTS);
        v.throwIfInvalid(Component.QUEEN);
    }
}
