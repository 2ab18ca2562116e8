package dev.rbee.keeper.queen;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.InterruptedCallException;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.QueenHealth;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@code $RBEE_DIST_DIR/bin/queen-rbee} and waits for its {@code /health} (cli.md §4, §5). The queen runs in
 * its own session (via {@code setsid}) so that Ctrl+C in the terminal reaches only keeper, which then cancels and
 * stops in the order the spec prescribes; an ephemeral queen still notices keeper's death through its stdin pipe.
 */
public final class QueenLauncher {
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 10;
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));

    private final KeeperEnvironment env;
    private final QueenProbe probe;

    public QueenLauncher(KeeperEnvironment env, QueenProbe probe) {
        this.env = env;
        this.probe = probe;
    }

    /** A child whose stdin stays a pipe from keeper: closing it (or keeper dying) makes the queen cascade. */
    public Process startEphemeral(QueenUrl url) {
        return start(url, true, ProcessBuilder.Redirect.PIPE);
    }

    /** A detached queen (own session, stdin {@code /dev/null}) that outlives keeper. */
    public Process startDetached(QueenUrl url) {
        return start(url, false, ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    private Process start(QueenUrl url, boolean ephemeral, ProcessBuilder.Redirect stdin) {
        Path launcher = env.queenLauncher();
        if (!Files.isExecutable(launcher)) {
            throw startFailed("queen-rbee not found at " + launcher);
        }
        try {
            Files.createDirectories(env.queenLog().getParent());
            ProcessBuilder builder = new ProcessBuilder(command(launcher, url, ephemeral))
                    .redirectInput(stdin)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(env.queenLog().toFile()));
            // The home keeper resolved (its log and records are there), also when it came from elsewhere than
            // this process's own environment, as in the desktop app's tests.
            builder.environment().put(RbeeHome.ENV, env.home().root().toString());
            return builder.start();
        } catch (IOException e) {
            throw startFailed("Cannot start queen-rbee: " + e.getMessage());
        }
    }

    static List<String> command(Path launcher, QueenUrl url, boolean ephemeral) {
        List<String> command = new ArrayList<>();
        SETSID.stream().filter(Files::isExecutable).findFirst().ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(List.of(launcher.toString(), "--port", String.valueOf(url.port())));
        if (!url.host().equalsIgnoreCase("localhost") && !url.host().equals("127.0.0.1")) {
            // queen binds 127.0.0.1 by default; another loopback address must be named.
            command.addAll(List.of("--bind", url.host()));
        }
        if (ephemeral) {
            command.add("--ephemeral");
        }
        return command;
    }

    /**
     * Polls {@code /health} every 100 ms for at most 30 s. A process that exits, or no answer in time, is
     * QUEEN_START_FAILED with the log's last lines; the process is killed when it still runs.
     *
     * @throws InterruptedCallException when the wait is interrupted (Ctrl+C); the process is then killed too
     */
    public QueenHealth awaitHealthy(Process process, QueenUrl url) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            QueenProbe.Result result = probe.probe(url);
            if (result.isQueen()) {
                return result.health();
            }
            pause(process);
        }
        process.destroyForcibly();
        throw startFailed("queen-rbee did not start within " + START_TIMEOUT.toSeconds() + " s");
    }

    private static void pause(Process process) {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedCallException("waiting for queen-rbee to start", e);
        }
    }

    private RbeeException startFailed(String message) {
        Path log = env.queenLog();
        return KeeperErrors.queenStartFailed(message, log, LogTail.lastLines(log, LOG_TAIL_LINES));
    }
}
