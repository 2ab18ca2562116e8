package dev.rbee.queen.tasks;

import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.daemon.ClientGoneException;
import java.io.UncheckedIOException;

/** The caller's side of a task: narration and events go out through one sink, tagged with the job id. */
final class TaskStream {
    static final String QUEEN = "queen-rbee";

    private final TaskSink sink;
    private final String jobId;

    TaskStream(TaskSink sink, String jobId) {
        this.sink = sink;
        this.jobId = jobId;
    }

    TaskSink sink() {
        return sink;
    }

    void narrate(String action, String human) {
        send(new NarrationEvent(QUEEN, action, human, jobId));
    }

    /** Narration another daemon produced (the hive's preflight lines), under that daemon's name. */
    void narrateAs(String actor, String action, String human) {
        send(new NarrationEvent(actor, action, human, jobId));
    }

    /** Progress events are best effort: a gone client is noticed by the watcher, which cancels the job. */
    void send(SseEvent event) {
        try {
            sink.send(event);
        } catch (ClientGoneException e) {
            throw new UncheckedIOException(new java.io.IOException("client gone", e));
        }
    }
}
