package dev.rbee.contract.sse;

/** One per loaded layer. */
public record LoadingEvent(int layersLoaded, int layersTotal, long bytesLoaded) implements SseEvent {

    @Override
    public String eventType() {
        return EventType.LOADING;
    }
}
