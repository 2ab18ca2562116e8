package dev.rbee.keeper.models;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;

/**
 * Following a download as {@code models download} does it (cli.md §11), shared by the CLI and the desktop: queen
 * relays the hive's stream of {@code downloading} events and ends it with {@code complete} or {@code error}.
 */
public final class ModelDownload {
    /** Sees every event of the stream, the outcome included. */
    @FunctionalInterface
    public interface Listener {
        void event(SseEvent event, String rawJson);
    }

    /**
     * How it ended: {@code downloaded} is false when the model was already in the catalog (only {@code complete}
     * came); {@code totalBytes} is the last size the progress announced.
     */
    public record Result(String model, String node, CompleteEvent complete, boolean downloaded, long totalBytes) {
    }

    private ModelDownload() {
    }

    /** The progress as a fraction (0 when the size is not known yet). */
    public static double fraction(DownloadingEvent d) {
        return d.bytesTotal() > 0 ? (double) d.bytesDownloaded() / d.bytesTotal() : 0;
    }

    /**
     * Follows to {@code complete} (returned) or {@code error} (thrown); null when the stream ended without either
     * (closed by the caller, or cut off).
     */
    public static Result follow(SseEventStream events, String model, String node, Listener listener) {
        boolean downloaded = false;
        long total = 0;
        while (events.hasNext()) {
            SseEvent event = events.next();
            listener.event(event, events.lastJson());
            switch (event) {
                case DownloadingEvent d -> {
                    downloaded = true;
                    total = d.bytesTotal();
                }
                case CompleteEvent c -> {
                    return new Result(model, node, c, downloaded, total);
                }
                case ErrorEvent e -> throw e.toException();
                default -> { }
            }
        }
        return null;
    }

    /** What the CLI says when the stream ends with neither outcome and nobody asked it to stop. */
    public static RbeeException interrupted() {
        return RbeeException.fromEvent("STREAM_INTERRUPTED", "The download stream ended without a result", null);
    }
}
