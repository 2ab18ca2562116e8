package dev.rbee.keeper.cli.logs;

import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.EofEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.LogEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.queen.QueenSession;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code logs --node N [--worker ID] [--follow] [--lines N]} (cli.md §12): each line verbatim on stdout. Ctrl+C closes
 * the stream (130); a source that stops ends a follow with a warning and exit 0. Without {@code --follow} queen may
 * be started for the command, since a stopped hive's log is still readable; a follow needs the running queen.
 */
@Command(name = "logs", description = "Print (or follow) the log of a node's hive or of one of its workers.")
public final class LogsCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = {"--node", "--name"}, required = true, paramLabel = "<node>", description = "Node")
    String node;
    @Option(names = "--worker", paramLabel = "<worker-id>", description = "A worker's log instead of the hive's")
    String worker;
    @Option(names = "--follow", description = "Keep printing new lines until Ctrl+C or the source stops")
    boolean follow;
    @Option(names = "--lines", paramLabel = "<n>", defaultValue = "100", description = "Lines to print first "
            + "(1-10000, default 100)")
    int lines;

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public int execute(CliContext context) {
        ErrorContext errors = new ErrorContext("logs", context.env().home(), node, null, worker);
        try (QueenSession session = context.openQueen(follow ? QueenSession.Need.MUST_RUN : QueenSession.Need.AUTO_START);
             SseResponse stream = session.client(Duration.ofSeconds(60)).logs(node, worker, follow, lines)) {
            Thread reader = Thread.currentThread();
            // Closing the response alone does not wake a read that waits for the next line (a quiet log can be
            // silent for 10 s); interrupting the reading thread does, so Ctrl+C ends at once.
            context.interrupts().onFirstInterrupt(() -> {
                stream.close();
                reader.interrupt();
            });
            try {
                return print(context, stream.events());
            } finally {
                context.interrupts().clearAction();
            }
        } catch (RbeeException e) {
            if (context.interrupts().happened()) {
                Thread.interrupted(); // our own wake-up call; later clean-up waits must still work
                return KeeperCli.INTERRUPTED;
            }
            context.printError(e, errors, true);
            return KeeperCli.FAILED;
        }
    }

    private int print(CliContext context, SseEventStream events) {
        while (events.hasNext()) {
            SseEvent event = events.next();
            if (context.json()) {
                context.console().result(events.lastJson());
            }
            switch (event) {
                case LogEvent log when !context.json() -> context.console().result(log.line());
                case EofEvent eof -> {
                    if (EofEvent.SOURCE_STOPPED.equals(eof.reason()) && !context.json()) {
                        context.console().note("[rbee-keeper] ⚠️ Log stream ended: "
                                + (worker == null ? "rbee-hive" : worker) + " on " + node + " stopped");
                    }
                    return KeeperCli.OK;
                }
                case ErrorEvent e -> throw e.toException();
                default -> { }
            }
        }
        if (context.interrupts().happened()) {
            Thread.interrupted(); // our own wake-up call; closing the session (an ephemeral queen) must still wait
            return KeeperCli.INTERRUPTED;
        }
        throw RbeeException.fromEvent("STREAM_INTERRUPTED", "The log stream ended without an end event", null);
    }
}
