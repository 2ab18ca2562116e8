package dev.rbee.keeper;

import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeper-local error codes (cli.md §1; never sent by a daemon) and the one place that turns client-side failures
 * into them. Errors carry data in {@code details}, not advice: the CLI (or the desktop app) words the suggestions.
 */
public final class KeeperErrors {
    public static final String USAGE_ERROR = "USAGE_ERROR";
    public static final String CONFIG_INVALID = "CONFIG_INVALID";
    public static final String QUEEN_UNREACHABLE = "QUEEN_UNREACHABLE";
    public static final String QUEEN_START_FAILED = "QUEEN_START_FAILED";
    public static final String QUEEN_NOT_OWNED = "QUEEN_NOT_OWNED";
    public static final String PORT_IN_USE = "PORT_IN_USE";
    public static final String SSH_KEY_NOT_FOUND = "SSH_KEY_NOT_FOUND";
    public static final String STREAM_INTERRUPTED = "STREAM_INTERRUPTED";
    /** Details keys of keeper errors. */
    public static final String URL = "url";
    public static final String HOST = "host";
    public static final String LOOPBACK = "loopback";
    public static final String PORT = "port";
    public static final String LOG_PATH = "log_path";
    public static final String LOG_TAIL = "log_tail";

    /** Keeper-local errors never travel over HTTP, so they have no HTTP status. */
    private static final int NO_STATUS = 0;

    private KeeperErrors() {
    }

    public static RbeeException local(String code, String message, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put(RbeeException.COMPONENT, Component.KEEPER);
        all.putAll(details);
        return new RbeeException(code, NO_STATUS, message, all);
    }

    public static RbeeException local(String code, String message) {
        return local(code, message, Map.of());
    }

    public static RbeeException usage(String message) {
        return local(USAGE_ERROR, message);
    }

    public static RbeeException queenUnreachable(QueenUrl url) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(URL, url.text());
        details.put(HOST, url.host());
        details.put(LOOPBACK, url.isLoopback());
        return local(QUEEN_UNREACHABLE, "Cannot connect to queen-rbee at " + url, details);
    }

    public static RbeeException queenStartFailed(String message, Path log, List<String> tail) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(LOG_PATH, log.toString());
        details.put(LOG_TAIL, List.copyOf(tail));
        return local(QUEEN_START_FAILED, message, details);
    }

    public static RbeeException portInUse(int port) {
        return local(PORT_IN_USE, "Port " + port + " is in use by another program", Map.of(PORT, port));
    }

    public static RbeeException queenNotOwned(QueenUrl url) {
        return local(QUEEN_NOT_OWNED,
                "queen-rbee at " + url + " was not started by rbee-keeper; leaving it running", Map.of(URL, url.text()));
    }

    public static RbeeException streamInterrupted(boolean idle) {
        String message = idle ? "No data from queen-rbee for 60 s" : "Connection to queen-rbee lost during inference";
        return local(STREAM_INTERRUPTED, message);
    }

    /**
     * A failure of a call to queen: no answer becomes QUEEN_UNREACHABLE, an answer keeper cannot parse becomes
     * INTERNAL_ERROR (cli.md §1), a client-side timeout is marked as found by keeper; daemon envelopes pass unchanged.
     * Any other exception is rethrown as it is.
     */
    public static RbeeException fromClient(RuntimeException e, QueenUrl url) {
        if (e instanceof UnreachableException) {
            return queenUnreachable(url);
        }
        if (!(e instanceof RbeeException error)) {
            throw e;
        }
        if (error.component().isPresent()) {
            return error;
        }
        if (error.is(ErrorCode.INVALID_RESPONSE)) {
            Object problem = error.details().getOrDefault("parse_error", error.getMessage());
            return local(ErrorCode.INTERNAL_ERROR.name(), "Invalid response from queen-rbee: " + problem);
        }
        if (error.is(ErrorCode.REQUEST_TIMEOUT)) {
            return local(error.code(), error.getMessage(), error.details());
        }
        return error;
    }
}
