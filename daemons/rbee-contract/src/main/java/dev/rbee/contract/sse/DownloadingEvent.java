package dev.rbee.contract.sse;

/** Download progress; {@code speed_mbps} is 10⁶ bytes/s, 5 s moving average. */
public record DownloadingEvent(long bytesDownloaded, long bytesTotal, double speedMbps) implements SseEvent {

    @Override
    public String eventType() {
        return EventType.DOWNLOADING;
    }
}
