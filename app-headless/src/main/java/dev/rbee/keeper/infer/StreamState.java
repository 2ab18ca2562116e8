package dev.rbee.keeper.infer;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.MetricsEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.StartedEvent;
import dev.rbee.contract.sse.StopReason;
import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.keeper.KeeperErrors;

import java.util.concurrent.TimeUnit;

/** What a task stream has produced so far: job, node, text, token count, metrics and the terminal event. */
final class StreamState {
    enum Terminal { NONE, COMPLETED, CANCELED_HERE_OR_ELSEWHERE, FAILED }

    private final StringBuilder text = new StringBuilder();
    private final long startNanos = System.nanoTime();
    private volatile String jobId;
    private volatile String node;
    private int tokens;
    private long firstTokenNanos = -1;
    private MetricsEvent metrics;
    private EndEvent end;
    private ErrorEvent error;

    StreamState(String requestedNode) {
        this.node = requestedNode;
    }

    void accepted(String headerJobId) {
        this.jobId = headerJobId;
    }

    Terminal apply(SseEvent event) {
        switch (event) {
            case StartedEvent started -> onStarted(started);
            case TokenEvent token -> onToken(token);
            case MetricsEvent m -> metrics = m;
            case EndEvent e -> {
                end = e;
                return e.stopReason() == StopReason.CANCELLED ? Terminal.CANCELED_HERE_OR_ELSEWHERE
                        : Terminal.COMPLETED;
            }
            case ErrorEvent e -> {
                error = e;
                return Terminal.FAILED;
            }
            default -> {
                // Progress and unknown events only matter to the screen.
            }
        }
        return Terminal.NONE;
    }

    private void onStarted(StartedEvent started) {
        if (jobId == null) {
            jobId = started.jobId();
        }
        if (started.node() != null) {
            node = started.node();
        }
    }

    private void onToken(TokenEvent token) {
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
        tokens++;
        text.append(token.t() == null ? "" : token.t());
    }

    InferenceOutcome.Completed completed() {
        long firstMs = firstTokenNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(firstTokenNanos - startNanos);
        return new InferenceOutcome.Completed(end, metrics, firstMs, text());
    }

    RbeeException error() {
        return error.toException();
    }

    boolean errorIsCancel() {
        return error != null && ErrorCode.CANCELLED.name().equals(error.code());
    }

    static RbeeException canceledElsewhere(String jobId) {
        return KeeperErrors.local(ErrorCode.CANCELLED.name(),
                "Job " + (jobId == null ? "(unknown)" : jobId) + " was canceled by another client");
    }

    String jobId() {
        return jobId;
    }

    String node() {
        return node;
    }

    String text() {
        return text.toString();
    }

    int tokens() {
        return tokens;
    }
}
