package dev.rbee.keeper.queen;

import dev.rbee.contract.Times;
import dev.rbee.contract.client.InterruptedCallException;
import dev.rbee.contract.client.UnreachableException;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.ForceKilled;
import dev.rbee.contract.queen.QueenHealth;
import dev.rbee.contract.queen.QueenShutdownResponse;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code daemon start|stop|status} (cli.md §5): a persistent queen that keeper starts, records and stops. */
public final class QueenDaemon {
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    /** {@code pid} is null for a queen keeper did not start. */
    public record Started(QueenUrl url, Long pid, String version, boolean alreadyRunning, boolean ownedByKeeper,
                          Path log) {
    }

    public record Stopped(QueenUrl url, boolean wasRunning, int hives, int workers, List<ForceKilled> forceKilled) {
    }

    public record Status(QueenUrl url, boolean running, String version, boolean ownedByKeeper, Long pid) {
    }

    private final KeeperEnvironment env;
    private final QueenProbe probe;
    private final QueenRecords records;
    private final QueenLifecycleListener listener;

    public QueenDaemon(KeeperEnvironment env, QueenLifecycleListener listener) {
        this.env = env;
        this.probe = new QueenProbe(env.json());
        this.records = new QueenRecords(env.home().queenRecord(), env.json());
        this.listener = listener;
    }

    /** @throws RbeeException USAGE_ERROR (not loopback), PORT_IN_USE or QUEEN_START_FAILED */
    public Started start(QueenUrl url) {
        if (!url.isLoopback()) {
            throw KeeperErrors.usage("Can only start queen-rbee on this machine; " + url + " points to " + url.host());
        }
        QueenProbe.Result result = probe.probe(url);
        if (result.isQueen()) {
            QueenSession.warnOnVersion(result.health(), listener);
            Optional<QueenRecord> record = records.forUrl(url);
            return new Started(url, record.map(QueenRecord::pid).orElse(null), result.health().version(), true,
                    record.isPresent(), env.queenLog());
        }
        if (result.answer() == QueenProbe.Answer.FOREIGN) {
            throw KeeperErrors.portInUse(url.port());
        }
        QueenLauncher launcher = new QueenLauncher(env, probe);
        Process process = launcher.startDetached(url);
        QueenHealth health = launcher.awaitHealthy(process, url);
        records.write(new QueenRecord(process.pid(), url.text(), health.version(), Times.now()));
        return new Started(url, process.pid(), health.version(), false, true, env.queenLog());
    }

    /** @throws RbeeException QUEEN_NOT_OWNED for a queen keeper did not start */
    public Stopped stop(QueenUrl url) {
        QueenProbe.Result result = probe.probe(url);
        Optional<QueenRecord> record = records.forUrl(url);
        if (!result.isQueen()) {
            return new Stopped(url, false, 0, 0, List.of());
        }
        if (record.isEmpty()) {
            throw KeeperErrors.queenNotOwned(url);
        }
        listener.stopping();
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        QueenShutdownResponse answer = requestShutdown(url);
        awaitExit(record.get().pid(), deadline);
        records.delete();
        return answer == null ? new Stopped(url, true, 0, 0, List.of())
                : new Stopped(url, true, answer.hives(), answer.workers(),
                answer.forceKilled() == null ? List.of() : answer.forceKilled());
    }

    public Status status(QueenUrl url) {
        QueenProbe.Result result = probe.probe(url);
        Optional<QueenRecord> record = records.forUrl(url);
        if (!result.isQueen()) {
            return new Status(url, false, null, false, null);
        }
        QueenSession.warnOnVersion(result.health(), listener);
        return new Status(url, true, result.health().version(), record.isPresent(),
                record.map(QueenRecord::pid).orElse(null));
    }

    /** Null when the queen closed the connection instead of answering (it may exit before the reply is read). */
    private QueenShutdownResponse requestShutdown(QueenUrl url) {
        try {
            return env.queenClient(url, STOP_TIMEOUT).shutdown();
        } catch (UnreachableException e) {
            return null;
        } catch (RbeeException e) {
            throw KeeperErrors.fromClient(e, url);
        }
    }

    private void awaitExit(long pid, long deadlineNanos) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        try {
            handle.get().onExit().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            handle.get().destroyForcibly();
            listener.killedAfterTimeout(pid);
        } catch (ExecutionException e) {
            // onExit never completes exceptionally; nothing to wait for.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedCallException("waiting for queen-rbee to exit", e);
        }
    }
}
