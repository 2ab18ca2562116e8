package dev.rbee.queen.openai;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.SseChannel;
import dev.rbee.queen.tasks.TaskSink;
import io.javalin.http.Context;

/**
 * A request with {@code stream:true}. The {@code 200 text/event-stream} is committed when the worker starts the job,
 * so a failure while provisioning (unknown model, no VRAM) is still an envelope with its status, as for a request
 * without a stream; after that each token is one chunk, the end a chunk with {@code finish_reason}, a failure an
 * {@code error} event, and then {@code [DONE]} (api.md §5.8).
 */
final class ChunkSink implements TaskSink {
    private final Context ctx;
    private final Json json;
    private final Reply reply;
    private volatile SseChannel channel;
    private ErrorEvent earlyError;

    ChunkSink(Context ctx, Json json, Reply reply) {
        this.ctx = ctx;
        this.json = json;
        this.reply = reply;
    }

    @Override
    public void send(SseEvent event) throws ClientGoneException {
        if (event instanceof ErrorEvent error) {
            fail(error);
        }
    }

    @Override
    public void relay(SseEvent event, String eventJson) throws ClientGoneException {
        switch (event) {
            case StartedEvent ignored -> commit();
            case TokenEvent token -> {
                if (!token.t().isEmpty()) { // "" only marks an incomplete UTF-8 sequence
                    commit().send(reply.chunk(token.t()));
                }
            }
            case EndEvent end -> commit().send(reply.last(end));
            case ErrorEvent error -> fail(error);
            default -> { }
        }
    }

    private void fail(ErrorEvent error) throws ClientGoneException {
        if (channel == null) {
            earlyError = error;
            return;
        }
        channel.send(new ErrorEvent(error.code(), error.message(), null));
    }

    private SseChannel commit() throws ClientGoneException {
        if (channel == null) {
            channel = SseChannel.open(ctx, json);
        }
        return channel;
    }

    @Override
    public void done() throws ClientGoneException {
        if (channel != null) {
            channel.done();
        }
    }

    @Override
    public void keepAliveIfIdle(long idleMillis) throws ClientGoneException {
        SseChannel open = channel;
        if (open != null) {
            open.keepAliveIfIdle(idleMillis);
        }
    }

    /** After the job: a failure before the stream was committed is answered as an envelope. */
    void finish() {
        if (channel != null) {
            return;
        }
        if (earlyError != null) {
            throw reply.failure(earlyError);
        }
        throw RbeeException.of(ErrorCode.INTERNAL_ERROR, "Job " + reply.jobId() + " ended before it started");
    }
}
