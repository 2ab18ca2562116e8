package dev.rbee.keeper.cli.infer;

import dev.rbee.contract.queen.TaskRequest;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.LoadingEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.keeper.cli.Console;
import dev.rbee.keeper.infer.InferenceListener;

/** The human screen of a task stream (cli.md §10.2): tokens on stdout, everything else on stderr. */
public final class HumanStreamRenderer implements InferenceListener {
    private final Console console;
    private final ProgressLine progress;
    private final String model;
    private final String placement;
    private volatile String workerId;
    private boolean midLine;

    public HumanStreamRenderer(Console console, TaskRequest request) {
        this.console = console;
        this.progress = new ProgressLine(console, console.errIsTerminal());
        this.model = request.model();
        this.placement = request.backend() == null ? null
                : request.backend() + (request.device() == null ? "" : ":" + request.device());
    }

    @Override
    public void event(SseEvent event, String rawJson) {
        switch (event) {
            case TokenEvent token -> token(token.t());
            case NarrationEvent n -> note("[" + n.actor() + "] " + n.human());
            case DownloadingEvent d -> progress.update("Downloading " + model,
                    d.bytesTotal() > 0 ? (double) d.bytesDownloaded() / d.bytesTotal() : 0,
                    Formats.download(d.bytesDownloaded(), d.bytesTotal(), d.speedMbps()));
            case CompleteEvent c when c.isDownload() -> note("[rbee-hive] ✅ Model downloaded to " + c.localPath());
            case LoadingEvent l -> progress.update(loadingLabel(),
                    l.layersTotal() > 0 ? (double) l.layersLoaded() / l.layersTotal() : 0,
                    l.layersLoaded() + "/" + l.layersTotal() + " layers");
            case ReadyEvent r -> note("[llm-worker-rbee] ✅ Model loaded, worker ready");
            case StartedEvent s -> started(s);
            default -> {
                // metrics are kept by the run for the summary; end and error are the outcome's to print.
            }
        }
    }

    private void started(StartedEvent s) {
        workerId = s.workerId();
        note("[queen-rbee] ▶ Job " + s.jobId() + " started on " + s.node() + " (worker " + s.workerId() + ")");
    }

    private String loadingLabel() {
        return "Loading " + model + (placement == null ? "" : " on " + placement);
    }

    private void token(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        console.text(text);
        midLine = !text.endsWith("\n");
    }

    /** A stderr line; on a terminal, one that would land in the middle of the text starts on a fresh line. */
    private void note(String line) {
        progress.finish();
        if (midLine && console.errIsTerminal()) {
            console.noteText(System.lineSeparator());
            midLine = false;
        }
        console.note(line);
    }

    @Override
    public void cancelling(boolean jobStarted) {
        console.note(jobStarted ? "🛑 Canceling request..." : "🛑 Canceled before the job started");
    }

    /** The worker of the started job, for the log hints of an error; null before {@code started}. */
    public String workerId() {
        return workerId;
    }
}
