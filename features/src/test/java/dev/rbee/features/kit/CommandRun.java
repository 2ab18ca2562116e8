package dev.rbee.features.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an rbee launcher as a real OS process. stdout and stderr are captured with the arrival time of every
 * chunk, so a scenario can tell text that was streamed from text that arrived all at once.
 */
public final class CommandRun {
    /** A piece of output and when it arrived (nanoTime). */
    public record Chunk(long atNanos, String text) {
    }

    private final Process process;
    private final List<Chunk> stdout = new ArrayList<>();
    private final List<Chunk> stderr = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;
    private long endedNanos;

    private CommandRun(Process process) {
        this.process = process;
        this.outReader = Thread.ofPlatform().start(() -> pump(process.getInputStream(), stdout));
        this.errReader = Thread.ofPlatform().start(() -> pump(process.getErrorStream(), stderr));
    }

    public static CommandRun start(List<String> command, Map<String, String> env) {
        return start(command, env, null);
    }

    /**
     * {@code stdin} null leaves the pipe open, as a terminal would be; otherwise it is written and closed. A null
     * value in {@code env} removes that variable from what the command inherits (e.g. DISPLAY of the test machine).
     */
    public static CommandRun start(List<String> command, Map<String, String> env, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            return new CommandRun(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** End of file on the command's stdin: what a daemon sees when its parent dies. */
    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for exit; a hang past the limit kills the process and fails the scenario. */
    public int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("command did not finish within " + seconds + " s; stderr so far:\n" + stderr());
        }
        endedNanos = System.nanoTime();
        outReader.join(5000);
        errReader.join(5000);
        return process.exitValue();
    }

    public long endedNanos() {
        return endedNanos;
    }

    public synchronized String stdout() {
        return join(stdout);
    }

    public synchronized String stderr() {
        return join(stderr);
    }

    public synchronized List<Chunk> stdoutChunks() {
        return List.copyOf(stdout);
    }

    public synchronized List<Chunk> stderrChunks() {
        return List.copyOf(stderr);
    }

    private static String join(List<Chunk> chunks) {
        StringBuilder all = new StringBuilder();
        chunks.forEach(c -> all.append(c.text()));
        return all.toString();
    }

    private void pump(InputStream in, List<Chunk> sink) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long now = System.nanoTime();
                pending.write(buffer, 0, n);
                String text = completeUtf8(pending);
                synchronized (this) {
                    sink.add(new Chunk(now, text));
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

    /** Decodes the complete UTF-8 prefix and keeps an incomplete trailing sequence for the next read. */
    private static String completeUtf8(ByteArrayOutputStream pending) {
        byte[] bytes = pending.toByteArray();
        int end = bytes.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        int lead = end - back - 1;
        if (lead >= 0 && (bytes[lead] & 0x80) != 0) {
            int need = (bytes[lead] & 0xE0) == 0xC0 ? 1 : (bytes[lead] & 0xF0) == 0xE0 ? 2 : 3;
            if (back < need) {
                end = lead;
            }
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
        return text;
    }
}
