package dev.rbee.keeper.cli.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.SseEventStream;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.cli.infer.ProgressLine;
import dev.rbee.keeper.models.ModelDownload;
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
        ModelDownload.Result result;
        try {
            result = ModelDownload.follow(events, model, name, (event, json) -> {
                if (context.json()) {
                    context.console().result(json);
                    return;
                }
                switch (event) {
                    case DownloadingEvent d -> bar.update("Downloading " + model, ModelDownload.fraction(d),
                            Formats.download(d.bytesDownloaded(), d.bytesTotal(), d.speedMbps()));
                    case NarrationEvent n -> context.console().note("[" + n.actor() + "] " + n.human());
                    default -> { }
                }
            });
        } finally {
            bar.finish();
        }
        if (result != null) {
            if (!context.json()) {
                context.console().result(ModelLines.downloaded(result));
            }
            return KeeperCli.OK;
        }
        if (context.interrupts().happened()) {
            context.console().note("🛑 Stopped watching; the download continues on " + name);
            return KeeperCli.INTERRUPTED;
        }
        throw ModelDownload.interrupted();
    }
}
