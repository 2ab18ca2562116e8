package dev.rbee.contract.client;

/**
 * The calling thread was interrupted while waiting for a daemon or a retry delay. The interrupt flag is set again
 * before this is thrown, so the caller's shutdown logic still sees it.
 */
public final class InterruptedCallException extends RuntimeException {

    public InterruptedCallException(String what, InterruptedException cause) {
        super("Interrupted while " + what, cause);
    }
}
