package dev.rbee.queen.tasks;

import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.SpawnWorkerRequest;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.validation.SpawnValidation;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.Responses;
import dev.rbee.daemon.SseChannel;
import dev.rbee.queen.events.ClusterEvents;
import dev.rbee.queen.hive.LocalHive;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v2/workers/spawn} (api.md §5.4): the cold path of a task without the inference, always a new worker,
 * ending with {@code ready} or {@code error}. A caller that leaves only stops watching; the worker loads on.
 */
public final class WorkerSpawnService {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerSpawnService.class);
    private final Provisioner provisioner;
    private final Json json;
    private final BooleanSupplier stopping;
    private final Predicate<String> knownNode;

    /** {@code knownNode}: {@code localhost} or a node of the registry. */
    public WorkerSpawnService(Provisioner provisioner, Json json, BooleanSupplier stopping,
                              Predicate<String> knownNode) {
        this.provisioner = provisioner;
        this.json = json;
        this.stopping = stopping;
        this.knownNode = knownNode;
    }

    public void handle(Context ctx) throws ClientGoneException {
        if (stopping.getAsBoolean()) {
            throw RbeeException.of(ErrorCode.SHUTTING_DOWN, "queen-rbee is shutting down");
        }
        SpawnWorkerRequest request = Responses.body(ctx, json, SpawnWorkerRequest.class);
        SpawnValidation.validate(request, Component.QUEEN);
        String node = request.node() == null ? LocalHive.NODE : request.node();
        if (!knownNode.test(node)) {
            throw RbeeException.of(ErrorCode.NODE_NOT_FOUND, "Node '" + node + "' is not registered",
                    Map.of("node", node));
        }
        SseChannel channel = SseChannel.open(ctx, json);
        // not a job: never listed nor published (its own silent bus); only its cancel hooks serve while it loads
        JobRecord watch = new JobRecord(null, node, request.model(), new ClusterEvents(json, 0));
        try {
            provisioner.spawnReady(new HiveSpawnRequest(request.model(), request.backend(), request.device(),
                    request.slots()), node, new TaskStream(new SseSink(channel), null), watch);
        } catch (RbeeException e) {
            LOG.warn("Spawn of {} on {} failed: {} {}", request.model(), node, e.code(), e.getMessage());
            RbeeException shown = e.withComponentIfAbsent(Component.QUEEN);
            channel.send(new ErrorEvent(shown.code(), shown.getMessage(), shown.details()));
        } catch (UncheckedIOException callerLeft) {
            LOG.info("The caller of a spawn of {} left; the worker goes on loading", request.model());
            return;
        }
        channel.done();
    }
}
