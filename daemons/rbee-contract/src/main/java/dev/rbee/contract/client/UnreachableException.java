package dev.rbee.contract.client;

import java.io.IOException;
import java.net.URI;

/**
 * The target gave no HTTP answer: nothing listened, the connection was reset before a response, the connect timed
 * out or the host name did not resolve. Only these failures may be retried (api.md §10); callers turn the last one
 * into QUEEN_UNREACHABLE, HIVE_UNREACHABLE or CONNECTION_TIMEOUT as their role dictates.
 */
public final class UnreachableException extends RuntimeException {

    public enum Kind { REFUSED, RESET, CONNECT_TIMEOUT, UNKNOWN_HOST }

    private final Kind kind;
    private final URI target;

    public UnreachableException(Kind kind, URI target, IOException cause) {
        super(describe(kind, target, cause), cause);
        this.kind = kind;
        this.target = target;
    }

    public Kind kind() {
        return kind;
    }

    public URI target() {
        return target;
    }

    private static String describe(Kind kind, URI target, IOException cause) {
        String what = switch (kind) {
            case REFUSED -> "Connection refused";
            case RESET -> "Connection lost before a response";
            case CONNECT_TIMEOUT -> "Connection timeout";
            case UNKNOWN_HOST -> "Unknown host";
        };
        String detail = cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        return what + ": " + target + detail;
    }
}
