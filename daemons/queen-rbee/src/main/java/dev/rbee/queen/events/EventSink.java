package dev.rbee.queen.events;

import dev.rbee.daemon.ClientGoneException;

/** Where one subscriber's frames go: the SSE response in the daemon, a recording in tests. */
public interface EventSink {
    /** One event's JSON, written as a {@code data:} line and flushed; may block while the client does not read. */
    void data(String json) throws ClientGoneException;

    void keepAlive() throws ClientGoneException;

    void done() throws ClientGoneException;

    /** Cuts the connection from another thread, so a write blocked on a client that never reads fails at once. */
    void abort();
}
