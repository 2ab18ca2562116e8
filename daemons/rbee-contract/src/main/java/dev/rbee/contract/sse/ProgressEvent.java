package dev.rbee.contract.sse;

/** Install progress; {@code stage} is one of {@link #STAGE_JAVA}, {@link #STAGE_COPY}, {@link #STAGE_VERIFY}. */
public record ProgressEvent(String stage, long bytesDone, long bytesTotal) implements SseEvent {
    public static final String STAGE_JAVA = "java";
    public static final String STAGE_COPY = "copy";
    public static final String STAGE_VERIFY = "verify";

    @Override
    public String eventType() {
        return EventType.PROGRESS;
    }
}
