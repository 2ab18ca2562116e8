package dev.rbee.daemon;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.sse.SseEvent;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A committed {@code 200 text/event-stream} response. Every event is flushed as it is written (api.md §4). Writes are
 * serialised because a keep-alive thread and the producer share the stream; once the client is gone every write
 * throws {@link ClientGoneException} and {@link #isOpen()} turns false, which producers treat as a cancel.
 */
public final class SseChannel {
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final Json json;
    private volatile boolean open = true;
    private volatile long lastWriteNanos = System.nanoTime();

    private SseChannel(OutputStream out, Json json) {
        this.out = out;
        this.json = json;
    }

    /** Commits the response headers at once so the client sees the stream start before any event. */
    public static SseChannel open(Context ctx, Json json) throws ClientGoneException {
        ctx.status(200);
        ctx.contentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        try {
            OutputStream out = ctx.res().getOutputStream();
            out.flush();
            return new SseChannel(out, json);
        } catch (IOException e) {
            throw new ClientGoneException(e);
        }
    }

    public void send(SseEvent event) throws ClientGoneException {
        sendJson(json.write(event));
    }

    /** Forwards an event another daemon produced, byte for byte. */
    public void sendJson(String eventJson) throws ClientGoneException {
        write(("data: " + eventJson + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    public void keepAlive() throws ClientGoneException {
        write(KEEP_ALIVE);
    }

    /** Writes a keep-alive comment only when nothing was written for {@code idleMillis}. */
    public void keepAliveIfIdle(long idleMillis) throws ClientGoneException {
        if (System.nanoTime() - lastWriteNanos >= idleMillis * 1_000_000L) {
            keepAlive();
        }
    }

    public void done() throws ClientGoneException {
        write(DONE);
    }

    public boolean isOpen() {
        return open;
    }

    private synchronized void write(byte[] bytes) throws ClientGoneException {
        if (!open) {
            throw new ClientGoneException(null);
        }
        try {
            out.write(bytes);
            out.flush();
            lastWriteNanos = System.nanoTime();
        } catch (IOException e) {
            open = false;
            throw new ClientGoneException(e);
        }
    }
}
