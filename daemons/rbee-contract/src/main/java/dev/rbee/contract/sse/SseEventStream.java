package dev.rbee.contract.sse;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.json.JsonDecodeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Typed events of one SSE response. Iteration ends at {@code [DONE]} or when the connection ends; {@link #sawDone()}
 * tells the two apart, because a stream that closes without {@code [DONE]} means its producer failed (api.md §4).
 * A read error (connection reset, stream closed by a cancel) also ends iteration and is kept in {@link #failure()}.
 * Not thread-safe, except {@link #close()}, which may be called from another thread to abort a blocked read.
 */
public final class SseEventStream implements Iterator<SseEvent>, AutoCloseable {

    /** An event together with its payload exactly as received, so a relay can forward it unchanged. */
    public record Received(SseEvent event, String json) {
    }

    private final SseReader reader;
    private final Json json;
    private final String source;
    private final Consumer<String> onComment;
    private Received pending;
    private Received last;
    private volatile boolean ended;
    private boolean sawDone;
    private IOException failure;

    /**
     * @param source    who sends the stream (a URL or daemon name), used in INVALID_RESPONSE errors
     * @param onComment called with the text of every comment line, e.g. to reset an idle timer on keep-alives
     */
    public SseEventStream(InputStream in, Json json, String source, Consumer<String> onComment) {
        this.reader = new SseReader(in);
        this.json = json;
        this.source = source;
        this.onComment = onComment;
    }

    public SseEventStream(InputStream in, Json json, String source) {
        this(in, json, source, comment -> { });
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !ended) {
            pending = readNext();
        }
        return pending != null;
    }

    @Override
    public SseEvent next() {
        return nextReceived().event();
    }

    /** The next event with its raw JSON; throws INVALID_RESPONSE when the payload is not an event. */
    public Received nextReceived() {
        if (!hasNext()) {
            throw new NoSuchElementException("The event stream has ended");
        }
        last = pending;
        pending = null;
        return last;
    }

    /** Raw JSON of the event last returned by {@link #next()}. */
    public String lastJson() {
        if (last == null) {
            throw new IllegalStateException("No event has been read yet");
        }
        return last.json();
    }

    /** True once {@code data: [DONE]} was read: the producer ended the stream properly. */
    public boolean sawDone() {
        return sawDone;
    }

    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    private Received readNext() {
        try {
            return readFrames();
        } catch (IOException e) {
            failure = e;
            ended = true;
            return null;
        }
    }

    private Received readFrames() throws IOException {
        while (true) {
            Optional<SseFrame> frame = reader.next();
            if (frame.isEmpty()) {
                ended = true;
                return null;
            }
            switch (frame.get()) {
                case SseFrame.Done done -> {
                    sawDone = true;
                    ended = true;
                    return null;
                }
                case SseFrame.Comment comment -> onComment.accept(comment.text());
                case SseFrame.Data data -> {
                    return new Received(parse(data.payload()), data.payload());
                }
            }
        }
    }

    private SseEvent parse(String payload) {
        try {
            return json.decode(payload, SseEvent.class);
        } catch (JsonDecodeException e) {
            throw e.toInvalidResponse(source);
        }
    }

    @Override
    public void close() {
        ended = true;
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the event stream from " + source, e);
        }
    }
}
