package dev.rbee.daemon;

/** The SSE client closed the connection; producers stop and release what the stream held. */
public final class ClientGoneException extends Exception {
    public ClientGoneException(Throwable cause) {
        super("SSE client disconnected", cause);
    }
}
