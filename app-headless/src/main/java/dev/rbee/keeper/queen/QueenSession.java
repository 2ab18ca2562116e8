package dev.rbee.keeper.queen;

import dev.rbee.contract.Version;
import dev.rbee.contract.client.InterruptedCallException;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.QueenHealth;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A connection to queen for one command (cli.md §4). Opening probes {@code /health}; a queen that answers is used
 * and never stopped (persistent). With {@link Need#AUTO_START}, a loopback URL and nobody answering, an ephemeral
 * queen is started, and {@link #close()} stops it together with everything it started.
 */
public final class QueenSession implements AutoCloseable {
    public static final Duration EPHEMERAL_STOP_TIMEOUT = Duration.ofSeconds(35);

    public enum Need { AUTO_START, MUST_RUN }

    private static final long[] RETRY_DELAYS_MS = {100, 200};

    private final KeeperEnvironment env;
    private final QueenUrl url;
    private final QueenHealth health;
    private final Process ephemeral;
    private final QueenLifecycleListener listener;

    private QueenSession(KeeperEnvironment env, QueenUrl url, QueenHealth health, Process ephemeral,
                         QueenLifecycleListener listener) {
        this.env = env;
        this.url = url;
        this.health = health;
        this.ephemeral = ephemeral;
        this.listener = listener;
    }

    /**
     * @throws RbeeException QUEEN_UNREACHABLE, QUEEN_START_FAILED or PORT_IN_USE
     * @throws InterruptedCallException when interrupted while an ephemeral queen starts (it is killed)
     */
    public static QueenSession open(KeeperEnvironment env, QueenUrl url, Need need, QueenLifecycleListener listener) {
        QueenProbe probe = new QueenProbe(env.json());
        QueenProbe.Result result = need == Need.MUST_RUN ? probeWithRetries(probe, url) : probe.probe(url);
        boolean mayStart = need == Need.AUTO_START && url.isLoopback();
        return switch (result.answer()) {
            case QUEEN -> {
                warnOnVersion(result.health(), listener);
                yield new QueenSession(env, url, result.health(), null, listener);
            }
            case FOREIGN -> throw mayStart ? KeeperErrors.portInUse(url.port()) : KeeperErrors.queenUnreachable(url);
            case NOBODY -> {
                if (!mayStart) {
                    throw KeeperErrors.queenUnreachable(url);
                }
                yield startEphemeral(env, url, new QueenLauncher(env, probe), listener);
            }
        };
    }

    /**
     * A command that needs a running queen tries 3 times, 100 ms and 200 ms apart, while nobody answers (cli.md
     * "Retries", S086): a queen that is just starting is not reported missing. The auto-start probe is one try, since
     * its answer only decides whether to start a queen.
     */
    private static QueenProbe.Result probeWithRetries(QueenProbe probe, QueenUrl url) {
        return withRetries(() -> probe.probe(url), Thread::sleep);
    }

    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    static QueenProbe.Result withRetries(java.util.function.Supplier<QueenProbe.Result> probe, Sleeper sleeper) {
        QueenProbe.Result result = probe.get();
        for (long delay : RETRY_DELAYS_MS) {
            if (result.answer() != QueenProbe.Answer.NOBODY) {
                return result;
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            result = probe.get();
        }
        return result;
    }

    private static QueenSession startEphemeral(KeeperEnvironment env, QueenUrl url, QueenLauncher launcher,
                                               QueenLifecycleListener listener) {
        listener.startingEphemeral(url);
        Process process = launcher.startEphemeral(url);
        QueenHealth health = launcher.awaitHealthy(process, url);
        listener.ephemeralReady(process.pid());
        return new QueenSession(env, url, health, process, listener);
    }

    static void warnOnVersion(QueenHealth health, QueenLifecycleListener listener) {
        if (!Version.CURRENT.equals(health.version())) {
            listener.versionMismatch(health.version(), Version.CURRENT);
        }
    }

    public QueenUrl url() {
        return url;
    }

    public String queenVersion() {
        return health.version();
    }

    public boolean isEphemeral() {
        return ephemeral != null;
    }

    /**
     * The pid of queen when keeper started it on this machine (this session's ephemeral queen, or one recorded by
     * {@code daemon start}); null for a queen started another way, whose pid keeper cannot know.
     */
    public Long queenPid() {
        if (ephemeral != null) {
            return ephemeral.pid();
        }
        return new QueenRecords(env.home().queenRecord(), env.json()).forUrl(url).map(QueenRecord::pid).orElse(null);
    }

    public QueenClient client() {
        return env.queenClient(url);
    }

    /** A client whose requests (or stream headers) may take up to {@code timeout}. */
    public QueenClient client(Duration timeout) {
        return env.queenClient(url, timeout);
    }

    /**
     * Stops an ephemeral queen: {@code POST /v2/shutdown} (it answers after its cascade), end of its stdin, then
     * at most 35 s in all for the process to exit before it is killed. An interrupt (second Ctrl+C) stops waiting
     * and leaves the queen to finish its cascade alone. A persistent queen is left as it is.
     */
    @Override
    public void close() {
        if (ephemeral == null || !ephemeral.isAlive()) {
            return;
        }
        listener.stoppingEphemeral();
        long deadline = System.nanoTime() + EPHEMERAL_STOP_TIMEOUT.toNanos();
        try {
            requestShutdown();
            closeStdin();
            if (!ephemeral.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                ephemeral.destroyForcibly();
                listener.killedAfterTimeout(ephemeral.pid());
            }
        } catch (InterruptedException | InterruptedCallException e) {
            closeStdin();
            Thread.currentThread().interrupt();
        }
    }

    private void requestShutdown() {
        try {
            client(EPHEMERAL_STOP_TIMEOUT).shutdown();
        } catch (UnreachableException | RbeeException e) {
            // The queen may close the connection as it exits, or be gone already; its exit is what counts.
        }
    }

    private void closeStdin() {
        try {
            ephemeral.getOutputStream().close();
        } catch (IOException e) {
            // Already closed: the queen has seen end of file.
        }
    }
}
