package dev.rbee.queen.tasks;

import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.SseChannel;
import java.io.UncheckedIOException;

/** The caller's side of a task: narration and events go out through one channel, tagged with the job id. */
final class TaskStream {
    static final String QUEEN = "queen-rbee";

    private final SseChannel channel;
    private final String jobId;

    TaskStream(SseChannel channel, String jobId) {
        this.channel = channel;
        this.jobId = jobId;
    }

    SseChannel channel() {
        return channel;
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
            channel.send(event);
        } catch (ClientGoneException e) {
            throw new UncheckedIOException(new java.io.IOException("client gone", e));
        }
    }
}
