package dev.rbee.keeper.cli.worker;

import dev.rbee.contract.queen.WorkersShutdownRequest;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import dev.rbee.keeper.workers.WorkerStop;
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
        WorkerStop.Stopped stopped;
        try (QueenSession session = context.openQueen(QueenSession.Need.MUST_RUN)) {
            stopped = WorkerStop.stop(session.client(),
                    all ? WorkersShutdownRequest.all(node) : WorkersShutdownRequest.one(id));
        }
        if (context.json()) {
            context.console().result(context.env().json().write(stopped.answer()));
        } else {
            stopped.lines().forEach(context.console()::result);
        }
        return KeeperCli.OK;
    }
}
