package dev.rbee.contract.sse;

/** A download seen cluster-wide; {@code state} is {@code running}, {@code complete} or {@code failed}. */
public record DownloadEvent(
        String node,
        String downloadId,
        String modelRef,
        long bytesDownloaded,
        Long bytesTotal,
        String state) implements SseEvent {
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";

    @Override
    public String eventType() {
        return EventType.DOWNLOAD;
    }
}
