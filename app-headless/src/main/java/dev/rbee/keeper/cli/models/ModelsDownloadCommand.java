package dev.rbee.keeper.cli.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.cli.infer.ProgressLine;
import dev.rbee.keeper.queen.QueenSession;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code models download <ref>}: queen relays the hive's download stream; the bar goes to stderr, the result line to
 * stdout (cli.md §11). Ctrl+C stops watching; the download goes on on the node and resumes from its partial file.
 */
@Command(name = "download", description = "Download a model to a node's catalog.")
public final class ModelsDownloadCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;
    @Option(names = "--node", paramLabel = "<node>", description = "Node (default: [defaults] node, else localhost)")
    String node;
    @Parameters(index = "0", paramLabel = "<model-ref>",
            description = "hf:<org>/<repo>[:<file-or-quant>], file:/abs/path/model.gguf or demo:tiny")
    String model;

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public int execute(CliContext context) {
        String name = context.env().config().defaults().nodeFor(node);
        ErrorContext errors = new ErrorContext("models download", context.env().home(), name, model, null);
        try {
            ModelRef.parse(model);
            try (QueenSession session = context.openQueen(QueenSession.Need.AUTO_START);
                 SseResponse stream = session.client(Duration.ofSeconds(60)).downloadModel(name, model)) {
                context.interrupts().onFirstInterrupt(stream::close);
                try {
                    return follow(context, stream.events(), name);
                } finally {
                    context.interrupts().clearAction();
                }
            }
        } catch (RbeeException e) {
            context.printError(e, errors, true);
            return KeeperCli.FAILED;
        }
    }

    private int follow(CliContext context, SseEventStream events, String name) {
        ProgressLine bar = new ProgressLine(context.console(), context.console().errIsTerminal());
        boolean downloaded = false;
        long total = 0;
        while (events.hasNext()) {
            SseEvent event = events.next();
            if (context.json()) {
                context.console().result(events.lastJson());
            }
            switch (event) {
                case DownloadingEvent d -> {
                    downloaded = true;
                    total = d.bytesTotal();
                    if (!context.json()) {
                        bar.update("Downloading " + model, d.bytesTotal() > 0
                                ? (double) d.bytesDownloaded() / d.bytesTotal() : 0,
                                Formats.download(d.bytesDownloaded(), d.bytesTotal(), d.speedMbps()));
                    }
                }
                case NarrationEvent n when !context.json() -> context.console().note("[" + n.actor() + "] "
                        + n.human());
                case CompleteEvent c -> {
                    bar.finish();
                    if (!context.json()) {
                        context.console().result(downloaded
                                ? "✅ " + model + " downloaded to " + c.localPath() + " (" + Formats.bytes(total) + ")"
                                : "✅ " + model + " is already on " + name + ": " + c.localPath());
                    }
                    return KeeperCli.OK;
                }
                case ErrorEvent e -> {
                    bar.finish();
                    throw e.toException();
                }
                default -> { }
            }
        }
        bar.finish();
        if (context.interrupts().happened()) {
            context.console().note("🛑 Stopped watching; the download continues on " + name);
            return KeeperCli.INTERRUPTED;
        }
        throw RbeeException.fromEvent("STREAM_INTERRUPTED", "The download stream ended without a result", null);
    }
}
