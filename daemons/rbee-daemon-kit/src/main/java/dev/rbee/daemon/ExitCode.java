package dev.rbee.daemon;

import java.util.concurrent.CompletableFuture;

/**
 * Where a daemon's parts report that the process should end, and with which code. Only {@code main} turns it into
 * {@code System.exit}; the first report wins.
 */
public final class ExitCode {
    private final CompletableFuture<Integer> code = new CompletableFuture<>();

    public void exit(int status) {
        code.complete(status);
    }

    public boolean isExiting() {
        return code.isDone();
    }

    /** Blocks until some part asked to exit. */
    public int await() {
        return code.join();
    }
}
