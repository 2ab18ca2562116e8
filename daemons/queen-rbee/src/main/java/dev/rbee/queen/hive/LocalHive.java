package dev.rbee.queen.hive;

import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.ErrorSummary;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HWorker;
import dev.rbee.contract.hive.HiveHealth;
import dev.rbee.contract.queen.HiveHeartbeatRequest;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.queen.events.ClusterEvents;
import dev.rbee.contract.hive.HiveShutdownResponse;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.ForceKilled;
import dev.rbee.daemon.ChildProcesses;
import dev.rbee.queen.QueenConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hive of the built-in node {@code localhost}: a child process of queen (no SSH), started on first use and
 * stopped by the cascade. An ephemeral queen's hive watches its stdin (a pipe from queen), so it ends with queen; a
 * persistent queen's hive outlives a queen crash for its 15 s lease, and a queen restarted in time adopts it from its
 * heartbeat (S126) instead of starting a second one on the same port.
 */
public final class LocalHive {
    private static final Logger LOG = LoggerFactory.getLogger(LocalHive.class);
    public static final String NODE = "localhost";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(35);
    private static final Duration ADOPT_TIMEOUT = Duration.ofSeconds(6);

    private final QueenConfig config;
    private final String secret;
    private final String queenUrl;
    private final Json json;
    private final HiveClient client;
    private final Runnable onGone;
    private final HiveStates states;
    private volatile Process process;
    /** The running hive: the child this queen started, or one a previous queen started and this one adopted. */
    private volatile ProcessHandle handle;

    /**
     * {@code onGone} runs whenever the hive process ends, however it ended, so queen forgets its workers; every state
     * change goes to {@code events} as a {@code hive} event.
     */
    public LocalHive(QueenConfig config, String secret, String queenUrl, Json json, Runnable onGone,
                     ClusterEvents events) {
        this.config = config;
        this.onGone = onGone;
        this.states = new HiveStates(NODE, url(), events);
        this.secret = secret;
        this.queenUrl = queenUrl;
        this.json = json;
        this.client = clientWithTimeout(Duration.ofSeconds(35));
    }

    /** For the event snapshot: reads only what the last change recorded, never waits on a start or stop. */
    public HiveStatus status() {
        return states.status();
    }

    public String url() {
        return "http://127.0.0.1:" + config.localHivePort();
    }

    public boolean isRunning() {
        ProcessHandle h = handle;
        return h != null && h.isAlive();
    }

    /** The running hive's pid and a client for it; empty while it is stopped. Never waits for a start under way. */
    public Optional<Running> running() {
        ProcessHandle h = handle;
        return h != null && h.isAlive() ? Optional.of(new Running(h.pid(), client)) : Optional.empty();
    }

    public record Running(long pid, HiveClient client) {
    }

    /** A client for the hive when it runs now; never starts it. */
    public Optional<HiveClient> clientIfRunning() {
        return running().map(Running::client);
    }

    /**
     * A client with {@code timeout} while the hive runs, for queries that must neither start it nor wait for a start
     * under way ({@code /v1/models}, {@code /metrics}).
     */
    public Optional<HiveClient> ifRunning(Duration timeout) {
        return isRunning() ? Optional.of(clientWithTimeout(timeout)) : Optional.empty();
    }

    /** Starts the hive when it is not running (narrating it) and returns a client for it. */
    public synchronized HiveClient ensureRunning(Consumer<String> narrate) {
        if (isRunning() || awaitAdoption()) {
            return client;
        }
        narrate.accept("Starting rbee-hive on " + NODE);
        states.starting();
        process = launch();
        track(process.toHandle());
        try {
            states.running(awaitHealthy().version(), process.pid());
        } catch (RuntimeException e) {
            states.stopped(process.pid());
            throw e;
        }
        LOG.info("rbee-hive on {} is up at {} (pid {})", NODE, url(), process.pid());
        return client;
    }

    /** Whatever ends the hive, queen forgets its workers and watchers see it stopped. */
    private void track(ProcessHandle started) {
        handle = started;
        started.onExit().thenRun(() -> {
            onGone.run();
            states.stopped(started.pid());
        });
    }

    /**
     * A heartbeat from the localhost hive: when queen runs no hive (it was restarted while the hive kept running),
     * the hive that beats from pid {@code pid} at this node's URL becomes queen's to use and to stop (S126).
     */
    public void heard(HiveHeartbeatRequest beat) {
        if (isRunning() || beat.pid() == null || !url().equals(beat.url())) {
            return; // the usual case: no lock, so a beat never waits for a start under way
        }
        synchronized (this) {
            if (isRunning()) {
                return;
            }
            Optional<ProcessHandle> found = ProcessHandle.of(beat.pid()).filter(ProcessHandle::isAlive);
            if (found.isEmpty()) {
                return;
            }
            track(found.get());
            states.running(beat.version(), beat.pid());
            LOG.info("Adopted rbee-hive on {} at {} (pid {}), still running from before this queen started",
                    NODE, url(), beat.pid());
            notifyAll();
        }
    }

    /**
     * A hive already answers on this node's port: it is one a previous queen started, and it beats at least every
     * 5 s, so wait that long for its heartbeat to hand it over rather than start a second hive that cannot bind.
     */
    private boolean awaitAdoption() {
        try {
            clientWithTimeout(Duration.ofSeconds(1)).health();
        } catch (RuntimeException nothingThere) {
            return false;
        }
        long deadline = System.nanoTime() + ADOPT_TIMEOUT.toNanos();
        try {
            while (!isRunning() && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return isRunning();
    }

    private Process launch() {
        List<String> command = new ArrayList<>(List.of(config.distribution().launcher("rbee-hive").toString(),
                "daemon", "--bind", "127.0.0.1", "--port", String.valueOf(config.localHivePort()), "--node-name", NODE,
                "--queen-url", queenUrl));
        if (config.ephemeral()) {
            command.add("--watch-stdin");
        }
        try {
            return ChildProcesses.start(command, Map.of("RBEE_CLUSTER_SECRET", secret), logFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start rbee-hive", e);
        }
    }

    private HiveHealth awaitHealthy() {
        HiveClient probe = clientWithTimeout(Duration.ofSeconds(1));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw startFailed("exited", "rbee-hive on " + NODE + " exited with code " + process.exitValue());
            }
            try {
                return probe.health();
            } catch (RuntimeException notYet) {
                ChildProcesses.awaitExit(process, Duration.ofMillis(500));
            }
        }
        ChildProcesses.kill(process);
        throw startFailed("health_timeout", "rbee-hive on " + NODE + " did not become healthy within 60 s");
    }

    private RbeeException startFailed(String reason, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", NODE);
        details.put("reason", reason);
        if (!process.isAlive()) {
            details.put("exit_code", process.exitValue());
        }
        details.put("log_tail", ChildProcesses.tail(logFile(), 20));
        return RbeeException.of(ErrorCode.HIVE_START_FAILED, message, details);
    }

    /**
     * Why a worker of this hive went away, as the hive recorded it ({@code WORKER_FAILED killed by SIGKILL},
     * {@code LOADING_TIMEOUT ...});
     * the hive needs a moment to notice an exit, so this waits up to 2 s for the entry to turn to {@code error}.
     */
    public Optional<ErrorSummary> exitCause(String workerId) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (isRunning() && System.nanoTime() < deadline) {
            try {
                Optional<HWorker> entry = client.workersList().workers().stream()
                        .filter(w -> w.workerId().equals(workerId)).findFirst();
                if (entry.isEmpty()) {
                    return Optional.empty();
                }
                if (entry.get().error() != null) {
                    return Optional.of(entry.get().error());
                }
                Thread.sleep(100);
            } catch (RuntimeException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Result of stopping: how many workers went with it and what had to be force-killed. */
    public record Stopped(boolean wasRunning, int workers, List<ForceKilled> forceKilled) {
    }

    /** The cascade step for this node: ask the hive to stop its workers, then make sure its process is gone. */
    public synchronized Stopped stop() {
        if (!isRunning()) {
            return new Stopped(false, 0, List.of());
        }
        states.stopping();
        List<ForceKilled> killed = new ArrayList<>();
        int workers = 0;
        try {
            HiveShutdownResponse answer = client.adminShutdown();
            workers = answer.workersStopped();
            answer.forceKilled().forEach(id -> killed.add(new ForceKilled(NODE, id)));
        } catch (RuntimeException e) {
            LOG.warn("rbee-hive on {} did not take the shutdown request: {}", NODE, e.getMessage());
        }
        ProcessHandle running = handle;
        if (!ChildProcesses.awaitExit(running, STOP_TIMEOUT)) {
            LOG.warn("rbee-hive on {} did not exit, force-killing", NODE);
            ChildProcesses.kill(running);
            killed.add(new ForceKilled(NODE, "rbee-hive"));
        }
        states.stopped(running.pid());
        return new Stopped(true, workers, killed);
    }

    private HiveClient clientWithTimeout(Duration requestTimeout) {
        return new HiveClient(new HttpJson(Endpoint.of(url(), secret, Duration.ofSeconds(5), requestTimeout), json));
    }

    private Path logFile() {
        return config.home().logsDir().resolve("rbee-hive.log");
    }
}
