package dev.rbee.keeper.infer;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.MetricsEvent;

/** How an inference ended; the user interface turns it into lines and an exit code. */
public sealed interface InferenceOutcome {

    /**
     * {@code end} arrived (not CANCELLED). {@code metrics} may be null; {@code localFirstTokenMs} is keeper's own
     * measure from sending the request to the first token (-1 when none), used when metrics are missing.
     */
    record Completed(EndEvent end, MetricsEvent metrics, long localFirstTokenMs, String text)
            implements InferenceOutcome {
    }

    /**
     * The job failed: an {@code error} event ({@code fromEvent}), an error answer before the stream, a stream that
     * ended without a terminal event (STREAM_INTERRUPTED) or a cancel by another client. {@code partial} is set when
     * the stream had started (cli.md §10.4), else null. {@code text} is what was printed so far.
     */
    record Failed(RbeeException error, boolean fromEvent, PartialResult partial, String text)
            implements InferenceOutcome {
    }

    /**
     * This keeper canceled. {@code jobId} null: before the job started. {@code confirmed}: {@code end CANCELLED}
     * (or {@code error CANCELLED}) arrived within the grace period. {@code node} is where the job ran.
     */
    record Canceled(String jobId, String node, boolean confirmed, String text) implements InferenceOutcome {
    }
}
