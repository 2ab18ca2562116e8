package dev.rbee.daemon;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure a daemon's output lands in its log under {@code RBEE_HOME/logs}, however it was started. A parent that
 * already sends the daemon's stderr into that file (keeper, queen and hive do) is left alone; otherwise (an operator
 * in a terminal, a service manager) stdout and stderr are copied into the file as well. Call it first in
 * {@code main}, before any logger exists.
 */
public final class DaemonLog {
    private DaemonLog() {
    }

    public static void ensureWrittenTo(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        if (stderrAlreadyGoesTo(logFile)) {
            return;
        }
        OutputStream file = new FileOutputStream(logFile.toFile(), true);
        System.setOut(tee(System.out, file));
        System.setErr(tee(System.err, file));
    }

    private static boolean stderrAlreadyGoesTo(Path logFile) {
        Path stderr = Path.of("/dev/stderr");
        try {
            return Files.exists(logFile) && Files.exists(stderr) && Files.isSameFile(stderr, logFile);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static PrintStream tee(PrintStream console, OutputStream file) {
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                console.write(b);
                file.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                console.write(b, off, len);
                file.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                console.flush();
                file.flush();
            }
        };
        return new PrintStream(both, true, StandardCharsets.UTF_8);
    }
}
