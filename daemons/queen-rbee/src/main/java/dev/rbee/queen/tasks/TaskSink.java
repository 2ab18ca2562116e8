package dev.rbee.queen.tasks;

import dev.rbee.contract.sse.SseEvent;
import dev.rbee.daemon.ClientGoneException;

/**
 * Where a task's events go. {@code POST /v2/tasks} writes them to its SSE stream unchanged ({@link SseSink}); the
 * OpenAI endpoints turn them into completions or chunks. Every method runs on the task's thread except
 * {@link #keepAliveIfIdle}, which the client watcher calls from a timer.
 */
public interface TaskSink {
    /** An event queen produced itself: narration, progress, loading, {@code ready}, or the closing {@code error}. */
    void send(SseEvent event) throws ClientGoneException;

    /** An inference event relayed from the worker; {@code json} is its exact text. */
    void relay(SseEvent event, String json) throws ClientGoneException;

    /** The task is over; nothing follows. */
    void done() throws ClientGoneException;

    /** Writes a keep-alive when nothing went out for {@code idleMillis}; a sink without a stream does nothing. */
    void keepAliveIfIdle(long idleMillis) throws ClientGoneException;
}
