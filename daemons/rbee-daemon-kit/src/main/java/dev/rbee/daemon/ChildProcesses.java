package dev.rbee.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starting and stopping the daemons a daemon owns. A child's stdin stays an open pipe to this process: when this
 * process dies, even by kill -9, the child reads end of file and stops (DESIGN "Cascade"). Its stdout and stderr are
 * appended to its log file.
 */
public final class ChildProcesses {
    private ChildProcesses() {
    }

    private static final String USER_API_KEY_ENV = "RBEE_API_KEY";

    public static Process start(List<String> command, Map<String, String> extraEnv, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove(USER_API_KEY_ENV); // a hive or worker never needs the user's key
        builder.environment().putAll(extraEnv);
        return builder.start();
    }

    /** Waits for the process to exit; returns false if it is still alive after {@code timeout}. */
    public static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** As {@link #awaitExit(Process, Duration)} for any process, also one this process did not start. */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** As {@link #kill(Process)} for any process, also one this process did not start. */
    public static void kill(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(5));
    }

    /** SIGKILL and wait for the kernel to reap it, so a caller can report it as gone. */
    public static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(5));
    }

    /** The last lines of a log, for error details ({@code log_tail[]}). */
    public static List<String> tail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of();
        }
    }
}
