package dev.rbee.contract.sse;

/** The {@code type} strings of every SSE event (api.md §4, §5.7, §5.8). */
public final class EventType {
    public static final String STARTED = "started";
    public static final String TOKEN = "token";
    public static final String METRICS = "metrics";
    public static final String END = "end";
    public static final String ERROR = "error";
    public static final String NARRATION = "narration";
    public static final String DOWNLOADING = "downloading";
    public static final String COMPLETE = "complete";
    public static final String LOADING = "loading";
    public static final String READY = "ready";
    public static final String PROGRESS = "progress";
    public static final String LOG = "log";
    public static final String EOF = "eof";
    public static final String SNAPSHOT = "snapshot";
    public static final String NODE = "node";
    public static final String HIVE = "hive";
    public static final String WORKER = "worker";
    public static final String JOB = "job";
    public static final String DOWNLOAD = "download";
    public static final String SHUTDOWN = "shutdown";
    public static final String CHUNK = "chunk";

    private EventType() {
    }
}
