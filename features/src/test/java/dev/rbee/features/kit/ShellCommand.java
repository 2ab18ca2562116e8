package dev.rbee.features.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One exec request of the embedded SSH server, run for real as {@code /bin/sh -c <command>} with the SSH user's
 * home as {@code HOME} and working directory, so launchers queen starts over SSH really run.
 */
final class ShellCommand implements Command {
    private final String command;
    private final Function<String, Path> homes;
    private final java.util.function.BiConsumer<String, java.util.Map<String, String>> environment;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private Process process;

    ShellCommand(String command, Function<String, Path> homes,
            java.util.function.BiConsumer<String, java.util.Map<String, String>> environment) {
        this.command = command;
        this.homes = homes;
        this.environment = environment;
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

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        String user = channel.getSession().getUsername();
        Path home = homes.apply(user);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(home.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().put("USER", user);
        builder.environment().put("LOGNAME", user);
        environment.accept(user, builder.environment());
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
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // The process or the channel went away: nothing more to copy.
        } finally {
            try {
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
