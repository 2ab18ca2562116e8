package dev.rbee.contract.sse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One SSE payload. Polymorphic on the string property {@code type}; a type this build does not know becomes an
 * {@link UnknownEvent} instead of failing, because clients must ignore unknown types (api.md §4).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type",
        defaultImpl = UnknownEvent.class, visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = StartedEvent.class, name = EventType.STARTED),
        @JsonSubTypes.Type(value = TokenEvent.class, name = EventType.TOKEN),
        @JsonSubTypes.Type(value = MetricsEvent.class, name = EventType.METRICS),
        @JsonSubTypes.Type(value = EndEvent.class, name = EventType.END),
        @JsonSubTypes.Type(value = ErrorEvent.class, name = EventType.ERROR),
        @JsonSubTypes.Type(value = NarrationEvent.class, name = EventType.NARRATION),
        @JsonSubTypes.Type(value = DownloadingEvent.class, name = EventType.DOWNLOADING),
        @JsonSubTypes.Type(value = CompleteEvent.class, name = EventType.COMPLETE),
        @JsonSubTypes.Type(value = LoadingEvent.class, name = EventType.LOADING),
        @JsonSubTypes.Type(value = ReadyEvent.class, name = EventType.READY),
        @JsonSubTypes.Type(value = ProgressEvent.class, name = EventType.PROGRESS),
        @JsonSubTypes.Type(value = LogEvent.class, name = EventType.LOG),
        @JsonSubTypes.Type(value = EofEvent.class, name = EventType.EOF),
        @JsonSubTypes.Type(value = SnapshotEvent.class, name = EventType.SNAPSHOT),
        @JsonSubTypes.Type(value = NodeEvent.class, name = EventType.NODE),
        @JsonSubTypes.Type(value = HiveEvent.class, name = EventType.HIVE),
        @JsonSubTypes.Type(value = WorkerEvent.class, name = EventType.WORKER),
        @JsonSubTypes.Type(value = JobEvent.class, name = EventType.JOB),
        @JsonSubTypes.Type(value = DownloadEvent.class, name = EventType.DOWNLOAD),
        @JsonSubTypes.Type(value = ShutdownEvent.class, name = EventType.SHUTDOWN),
        @JsonSubTypes.Type(value = ChunkEvent.class, name = EventType.CHUNK)
})
public sealed interface SseEvent permits StartedEvent, TokenEvent, MetricsEvent, EndEvent, ErrorEvent,
        NarrationEvent, DownloadingEvent, CompleteEvent, LoadingEvent, ReadyEvent, ProgressEvent, LogEvent, EofEvent,
        SnapshotEvent, NodeEvent, HiveEvent, WorkerEvent, JobEvent, DownloadEvent, ShutdownEvent, ChunkEvent,
        UnknownEvent {

    /** The wire {@code type}; not a JSON property itself (Jackson writes the type id). */
    @JsonIgnore
    String eventType();
}
