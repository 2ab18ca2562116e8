package dev.rbee.keeper.nodes;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.ProgressEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.contract.sse.SseEventStream;

import java.util.Optional;

/**
 * Follows queen's install stream (api.md §5.3) for {@code setup install} and the desktop app: narration and the copy
 * progress go to a {@link Listener}; the {@code complete} event is the result and an {@code error} event is thrown.
 */
public final class InstallStream {
    /** What a caller shows while the install runs. */
    public interface Listener {
        /** Every event as it arrives, with its JSON (the CLI's {@code --json} prints them). */
        default void event(SseEvent event, String json) {
        }

        void narration(NarrationEvent narration);

        /** {@code fraction} in 0..1 of the copy stage. */
        void copied(ProgressEvent progress, double fraction);
    }

    private InstallStream() {
    }

    /** The complete event, or empty when the stream ended without one (closed, interrupted). */
    public static Optional<CompleteEvent> follow(SseEventStream events, Listener listener) {
        while (events.hasNext()) {
            SseEvent event = events.next();
            listener.event(event, events.lastJson());
            switch (event) {
                case NarrationEvent n -> listener.narration(n);
                case ProgressEvent p when ProgressEvent.STAGE_COPY.equals(p.stage()) ->
                        listener.copied(p, p.bytesTotal() > 0 ? (double) p.bytesDone() / p.bytesTotal() : 0);
                case CompleteEvent c -> {
                    return Optional.of(c);
                }
                case ErrorEvent e -> throw e.toException();
                default -> { }
            }
        }
        return Optional.empty();
    }

    /** The result of a stream that ended without one and was not interrupted. */
    public static RbeeException endedWithoutResult() {
        return RbeeException.fromEvent("STREAM_INTERRUPTED", "The install stream ended without a result", null);
    }
}
