package dev.rbee.daemon;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child daemon's stdin is a pipe from its parent; end of file means the parent died (even by kill -9), so the
 * child must stop too (DESIGN "Cascade").
 */
public final class ParentWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ParentWatch.class);

    private ParentWatch() {
    }

    public static void onStdinClosed(InputStream stdin, String parent, Runnable action) {
        Thread.ofPlatform().daemon().name("parent-watch").start(() -> {
            byte[] buffer = new byte[256];
            try {
                while (stdin.read(buffer) >= 0) {
                    // the parent never writes; anything read is ignored
                }
            } catch (IOException e) {
                LOG.warn("stdin read failed ({}), treating it as {} gone", e.getMessage(), parent);
            }
            LOG.info("stdin closed: {} is gone, shutting down", parent);
            action.run();
        });
    }
}
