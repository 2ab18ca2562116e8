package dev.rbee.keeper.cli.worker;

import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.WorkersShutdownRequest;
import dev.rbee.contract.queen.WorkersShutdownResponse;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code worker stop --id <id> | --all [--node N]}: the workers drain and then exit (cli.md §9). */
@Command(name = "stop", description = "Stop a worker (--id) or all workers (--all, optionally of one --node).")
public final class WorkerStopCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = "--id", paramLabel = "<worker-id>", description = "The worker to stop")
    String id;
    @Option(names = "--all", description = "Stop every worker (of --node, when given)")
    boolean all;
    @Option(names = "--node", paramLabel = "<node>", description = "With --all: only this node's workers")
    String node;

    @Override
    public int execute(CliContext context) {
        if ((id == null) == !all || (id != null && node != null)) {
            throw KeeperErrors.usage("Give either --id <worker-id> or --all (with an optional --node)");
        }
        WorkersShutdownResponse answer;
        Map<String, String> nodeOf;
        try (QueenSession session = context.openQueen(QueenSession.Need.MUST_RUN)) {
            QueenClient queen = session.client();
            nodeOf = queen.workersList(null).workers().stream()
                    .collect(Collectors.toMap(QWorker::workerId, QWorker::node, (a, b) -> a));
            answer = queen.shutdownWorkers(all ? WorkersShutdownRequest.all(node) : WorkersShutdownRequest.one(id));
        }
        if (context.json()) {
            context.console().result(context.env().json().write(answer));
        } else if (answer.stopping().isEmpty()) {
            context.console().result("No workers to stop");
        } else {
            Function<String, String> where = worker -> nodeOf.getOrDefault(worker, "its node");
            answer.stopping().forEach(worker -> context.console().result("✅ Worker " + worker + " on "
                    + where.apply(worker) + " is draining and will stop"));
        }
        return KeeperCli.OK;
    }
}
