package dev.rbee.daemon;

import java.net.BindException;

/** The daemon's port is taken; workers exit with code 2 so their hive retries on the next port (api.md §10). */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(String host, int port, Throwable cause) {
        super("Port " + port + " on " + host + " is already in use", cause);
    }

    static boolean causedByBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
