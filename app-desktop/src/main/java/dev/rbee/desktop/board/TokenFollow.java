package dev.rbee.desktop.board;

import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.TokenEvent;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Follows one job's full stream ({@code GET /v2/tasks/{job_id}/stream}, QueenClient.followTask) on a background
 * thread: the text generated so far, then every token as it comes, then how it ended. Tokens are gathered in a buffer
 * and handed to the UI thread as whole texts, with at most one hand-over pending at a time, so a fast worker causes a
 * few updates per frame rather than one {@code runLater} per token. Closing it hangs up; the job goes on.
 */
final class TokenFollow implements AutoCloseable {
    /** The text kept for the detail pane; a longer answer keeps its end, which is what a follower watches. */
    static final int LIMIT = 200_000;

    private final String jobId;
    private final Executor ui;
    private final Consumer<String> onText;
    private final StringBuilder text = new StringBuilder();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;
    private volatile SseResponse response;

    /** {@code onText} runs on the UI thread with the whole text so far, never after {@link #close()}. */
    TokenFollow(String jobId, Executor ui, Consumer<String> onText) {
        this.jobId = jobId;
        this.ui = ui;
        this.onText = onText;
    }

    String jobId() {
        return jobId;
    }

    /** Runs on a background thread until the job's stream ends or the follow is closed. */
    void run(Supplier<QueenClient> clients, Function<RbeeException, String> describe) {
        try (SseResponse opened = clients.get().followTask(jobId)) {
            response = opened;
            while (!closed && opened.events().hasNext()) {
                accept(opened.events().next());
            }
        } catch (RbeeException e) {
            if (!closed) {
                append(describe.apply(e));
            }
        } catch (RuntimeException e) {
            if (!closed) { // the connection broke under the stream
                append("\n\n[the stream broke off: " + e.getMessage() + "]");
            }
        }
    }

    /** One event of the job: tokens grow the text, the terminal event closes it with a line saying how. */
    void accept(SseEvent event) {
        switch (event) {
            case TokenEvent token -> append(token.t());
            case EndEvent end -> append("\n\n[ended: " + end.stopReason() + " after " + end.tokensOut() + " tokens]");
            case ErrorEvent error -> append("\n\n❌ " + error.message() + " (" + error.code() + ")");
            default -> { } // narration, started, metrics: the state lines below already say it
        }
    }

    private void append(String piece) {
        if (piece.isEmpty()) {
            return;
        }
        synchronized (text) {
            text.append(piece);
            if (text.length() > LIMIT) {
                text.delete(0, text.length() - LIMIT);
            }
        }
        if (pending.compareAndSet(false, true)) {
            ui.execute(this::handOver);
        }
    }

    private void handOver() {
        pending.set(false);
        String now;
        synchronized (text) {
            now = text.toString();
        }
        if (!closed) {
            onText.accept(now);
        }
    }

    @Override
    public void close() {
        closed = true;
        SseResponse open = response;
        if (open != null) {
            open.close();
        }
    }
}
