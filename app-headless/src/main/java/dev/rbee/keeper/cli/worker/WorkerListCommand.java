package dev.rbee.keeper.cli.worker;

import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;

/** {@code worker list [--node N]} (cli.md §9): queen must be running. */
@Command(name = "list", description = "List the workers queen-rbee knows, on all nodes or one.")
public final class WorkerListCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = {"--node", "--name"}, paramLabel = "<node>", description = "Only this node (default: all nodes)")
    String node;

    @Override
    public int execute(CliContext context) {
        List<QWorker> workers;
        try (QueenSession session = context.openQueen(QueenSession.Need.MUST_RUN)) {
            workers = session.client().workersList(node).workers();
        }
        if (context.json()) {
            context.console().result(context.env().json().write(Map.of("workers", WorkerRows.json(workers))));
        } else if (workers.isEmpty()) {
            context.console().result("No workers running");
        } else {
            WorkerRows.table(workers).forEach(context.console()::result);
        }
        return KeeperCli.OK;
    }
}
