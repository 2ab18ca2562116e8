package dev.rbee.keeper.infer;

import dev.rbee.contract.sse.SseEvent;

/**
 * Receives a task stream as it arrives. {@link #event} is called on the thread running the inference, in arrival
 * order; {@link #cancelling} on the thread that asked for the cancel (e.g. a signal handler).
 */
public interface InferenceListener {

    /** The response headers arrived; {@code jobId} is {@code X-Job-Id}, or null when queen sent none. */
    default void accepted(String jobId) {
    }

    /** Every event, with its JSON exactly as received (for {@code --json}, which prints events verbatim). */
    void event(SseEvent event, String rawJson);

    /**
     * A cancel was requested. {@code jobStarted}: the job id is known and queen was asked to cancel it; otherwise
     * the request was abandoned before the job started.
     */
    default void cancelling(boolean jobStarted) {
    }
}
