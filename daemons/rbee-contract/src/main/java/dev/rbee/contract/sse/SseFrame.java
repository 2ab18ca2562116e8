package dev.rbee.contract.sse;

/** What {@link SseReader} yields: an event's data, the {@code [DONE]} marker, or a comment such as a keep-alive. */
public sealed interface SseFrame {

    /** The data of one event; lines of a multi-line {@code data:} field are joined with {@code \n}. */
    record Data(String payload) implements SseFrame {
    }

    /** {@code data: [DONE]}: the producer finished the stream properly. */
    record Done() implements SseFrame {
    }

    /** A comment line ({@code : keep-alive}); reported so callers can reset their idle timers. */
    record Comment(String text) implements SseFrame {
    }
}
