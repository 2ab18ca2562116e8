package dev.rbee.desktop.workers;

import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.LoadingEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.ReadyEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.models.ModelDownload;

/**
 * The progress line of a worker start, from the events of queen's spawn stream, in the words {@code worker start}
 * shows them (cli.md §9/§10.2): download, loading, ready. {@code fraction} is -1 for an event without a measure.
 */
public record SpawnProgress(String text, double fraction) {

    /** Null for events that say nothing about the progress (metrics, heartbeats). */
    public static SpawnProgress of(SseEvent event, String model, String node) {
        return switch (event) {
            case DownloadingEvent d -> new SpawnProgress("Downloading " + model + "  "
                    + Formats.download(d.bytesDownloaded(), d.bytesTotal(), d.speedMbps()).strip(),
                    ModelDownload.fraction(d));
            case CompleteEvent c when c.isDownload() -> new SpawnProgress("✅ Model downloaded to " + c.localPath(), 1);
            case LoadingEvent l -> new SpawnProgress("Loading " + model + "  " + l.layersLoaded() + "/"
                    + l.layersTotal() + " layers", l.layersTotal() > 0 ? (double) l.layersLoaded() / l.layersTotal()
                    : 0);
            case NarrationEvent n -> new SpawnProgress("[" + n.actor() + "] " + n.human(), -1);
            case ReadyEvent r when r.workerId() != null -> new SpawnProgress("✅ Worker " + r.workerId()
                    + " ready on " + node + " (" + r.backend() + ":" + r.device() + ", " + model + ")", 1);
            default -> null;
        };
    }
}
