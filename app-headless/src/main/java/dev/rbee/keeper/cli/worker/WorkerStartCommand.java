package dev.rbee.keeper.cli.worker;

import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.SpawnWorkerRequest;
import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.keeper.KeeperConfig;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.infer.HumanStreamRenderer;
import dev.rbee.keeper.queen.QueenSession;
import dev.rbee.keeper.workers.WorkerSpawn;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code worker start}: {@code POST /v2/workers/spawn}, always a new worker, with the download and loading progress
 * of {@code infer} on stderr and the ready line on stdout (cli.md §9). Ctrl+C stops watching; the worker loads on.
 */
@Command(name = "start", description = "Start a new worker for a model on a node.")
public final class WorkerStartCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", paramLabel = "<node>", description = "Node (default: [defaults] node, else localhost)")
    String node;
    @Option(names = "--model", paramLabel = "<model-ref>",
            description = "hf:<org>/<repo>[:<file-or-quant>], file:/abs/path/model.gguf or demo:tiny"
                    + " (default: [defaults] model)")
    String model;
    @Option(names = "--backend", paramLabel = "<backend>", description = "cpu, cuda or metal (default: queen decides)")
    String backend;
    @Option(names = "--device", paramLabel = "<n>", description = "Device index; needs --backend")
    Integer device;

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public int execute(CliContext context) {
        KeeperConfig.Defaults defaults = context.env().config().defaults();
        String name = defaults.nodeFor(node);
        model = KeeperConfig.orDefault(model, defaults.model());
        if (model == null) {
            // A usage error, printed by the CLI's frame like every other one, not as a failed spawn.
            throw KeeperErrors.local(KeeperErrors.USAGE_ERROR, "Missing --model", Map.of("missing", "--model"));
        }
        try {
            SpawnWorkerRequest request = WorkerSpawn.request(defaults, node, model, backend, device);
            // The progress names what was actually requested, the configured backend and device included.
            backend = request.backend();
            device = request.device();
            try (QueenSession session = context.openQueen(QueenSession.Need.MUST_RUN);
                 SseResponse stream = session.client(Duration.ofSeconds(60)).spawnWorker(request)) {
                context.interrupts().onFirstInterrupt(stream::close);
                try {
                    return follow(context, stream.events(), name);
                } finally {
                    context.interrupts().clearAction();
                }
            }
        } catch (RbeeException e) {
            context.printError(e, new ErrorContext("worker start", context.env().home(), name, model, null), true);
            return KeeperCli.FAILED;
        }
    }

    private int follow(CliContext context, SseEventStream events, String name) {
        HumanStreamRenderer screen = new HumanStreamRenderer(context.console(), new TaskRequest(name, model, backend,
                device, null, null, null, null, null, null, null, null, null));
        ReadyEvent ready = WorkerSpawn.follow(events, (event, json) -> {
            if (context.json()) {
                context.console().result(json);
            } else if (!(event instanceof ReadyEvent) && !(event instanceof ErrorEvent)) {
                screen.event(event, json);
            }
        });
        if (ready != null) {
            if (!context.json()) {
                context.console().result(WorkerSpawn.readyLine(ready, name, model));
            }
            return KeeperCli.OK;
        }
        if (context.interrupts().happened()) {
            context.console().note("🛑 Stopped watching; the worker continues on " + name);
            return KeeperCli.INTERRUPTED;
        }
        throw WorkerSpawn.interrupted();
    }
}
