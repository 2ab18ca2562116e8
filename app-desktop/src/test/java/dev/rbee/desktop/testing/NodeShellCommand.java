package dev.rbee.desktop.testing;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * One exec request of {@link LoopbackSshNode}, run as {@code /bin/sh -c <command>} in the node's home with the test
 * JVM's Java first on the PATH, so queen's install finds Java 25 there as on a prepared node.
 */
final class NodeShellCommand implements Command {
    private final String command;
    private final Path home;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    NodeShellCommand(String command, Path home) {
        this.command = command;
        this.home = home;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
                + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        process = builder.start();
        Thread stdout = Thread.ofPlatform().daemon().start(() -> pump(process.getInputStream(), out));
        Thread stderr = Thread.ofPlatform().daemon().start(() -> pump(process.getErrorStream(), err));
        Thread.ofPlatform().daemon().start(() -> pump(in, process.getOutputStream()));
        Thread.ofPlatform().daemon().start(() -> {
            try {
                int code = process.waitFor();
                stdout.join(5000); // all output reaches the channel before the exit status closes it
                stderr.join(5000);
                exit.onExit(code);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try (to) {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // The process or the channel went away: nothing more to copy.
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
