package dev.rbee.contract.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Splits an event stream into frames following the SSE standard (WHATWG HTML §9.2.6): lines end in LF, CR or
 * CRLF; a blank line dispatches the buffered {@code data}; several {@code data:} lines join with LF; one space
 * after the colon is dropped; {@code event}, {@code id} and {@code retry} are accepted and ignored. Data not
 * followed by a blank line when the stream ends is discarded, as the standard says: it may be a truncated frame.
 */
public final class SseReader implements AutoCloseable {
    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final BufferedReader reader;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean firstLine = true;

    public SseReader(InputStream in) {
        this.in = in;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next frame; empty when the stream has ended. Blocks while the producer is silent. */
    public Optional<SseFrame> next() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            Optional<SseFrame> frame = accept(stripBom(line));
            if (frame.isPresent()) {
                return frame;
            }
        }
        return Optional.empty();
    }

    private String stripBom(String line) {
        boolean strip = firstLine && !line.isEmpty() && line.charAt(0) == BOM;
        firstLine = false;
        return strip ? line.substring(1) : line;
    }

    private Optional<SseFrame> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return Optional.of(new SseFrame.Comment(line.substring(1).strip()));
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        if (field.equals("data")) {
            appendData(colon < 0 ? "" : valueAfterColon(line, colon));
        }
        return Optional.empty();
    }

    private static String valueAfterColon(String line, int colon) {
        int start = colon + 1;
        if (start < line.length() && line.charAt(start) == ' ') {
            start++;
        }
        return line.substring(start);
    }

    private void appendData(String value) {
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
    }

    private Optional<SseFrame> dispatch() {
        String payload = data.toString();
        boolean dispatch = hasData && !payload.isEmpty();
        data.setLength(0);
        hasData = false;
        if (!dispatch) {
            return Optional.empty();
        }
        return Optional.of(Sse.DONE.equals(payload) ? new SseFrame.Done() : new SseFrame.Data(payload));
    }

    /**
     * Closes the underlying stream directly, not the BufferedReader: the reader's lock is held by a blocked
     * {@code readLine}, so closing through it from another thread would wait for the next byte.
     */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
