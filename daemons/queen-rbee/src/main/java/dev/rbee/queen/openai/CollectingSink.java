package dev.rbee.queen.openai;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.queen.tasks.TaskSink;

/** A request without a stream: the tokens are gathered and the answer is built once the job ended. */
final class CollectingSink implements TaskSink {
    private final Reply reply;
    private final StringBuilder text = new StringBuilder();
    private EndEvent end;
    private ErrorEvent error;

    CollectingSink(Reply reply) {
        this.reply = reply;
    }

    @Override
    public void send(SseEvent event) {
        if (event instanceof ErrorEvent e) {
            error = e;
        }
    }

    @Override
    public void relay(SseEvent event, String json) {
        switch (event) {
            case TokenEvent token -> text.append(token.t());
            case EndEvent e -> end = e;
            case ErrorEvent e -> error = e;
            default -> { }
        }
    }

    @Override
    public void done() {
    }

    @Override
    public void keepAliveIfIdle(long idleMillis) {
    }

    /** The reply object, or the failure with the status of its code. */
    Object result() {
        if (error != null) {
            throw reply.failure(error);
        }
        if (end == null) {
            throw RbeeException.of(ErrorCode.INTERNAL_ERROR, "Job " + reply.jobId() + " ended without a result");
        }
        if (end.stopReason() == StopReason.CANCELLED) {
            throw reply.canceled();
        }
        return reply.complete(text.toString(), end);
    }
}
