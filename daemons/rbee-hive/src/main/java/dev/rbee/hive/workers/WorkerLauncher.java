package dev.rbee.hive.workers;

import dev.rbee.contract.Ids;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.WorkerClient;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.ChildProcesses;
import dev.rbee.hive.HiveConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches {@code llm-worker-rbee} as a child process on the lowest free port from the configured start, relaunching
 * on the next port when the worker exits 2 (port taken), and returns once the worker answers {@code GET /health}.
 */
public final class WorkerLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLauncher.class);
    static final String WORKER_LAUNCHER = "llm-worker-rbee";
    private static final int EXIT_PORT_IN_USE = 2;
    private static final int MAX_PORTS = 100;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final HiveConfig config;
    private final WorkerRegistry registry;
    private final String hiveUrl;
    private final Json json;
    private final LoadingWatch loadingWatch;
    private final Ids ids = new Ids();
    private final CpuCores cores = CpuCores.ofThisProcess();

    public WorkerLauncher(HiveConfig config, WorkerRegistry registry, String hiveUrl, Json json,
                          LoadingWatch loadingWatch) {
        this.config = config;
        this.registry = registry;
        this.hiveUrl = hiveUrl;
        this.json = json;
        this.loadingWatch = loadingWatch;
    }

    public record Launch(String modelRef, Path modelPath, String backend, int device, int slots) {
    }

    public WorkerEntry launch(Launch launch) {
        return launch(launch, note -> { });
    }

    /** {@code notes} hears what the caller should be told, such as a port that was taken (S072). */
    public WorkerEntry launch(Launch launch, Consumer<String> notes) {
        requireLauncher();
        String workerId = ids.newWorkerId();
        List<String> pinning = "cpu".equals(launch.backend()) ? cores.claim(workerId) : List.of();
        try {
            WorkerEntry entry = launchOnFreePort(workerId, launch, pinning, notes);
            entry.process().onExit().thenRun(() -> cores.release(workerId));
            return entry;
        } catch (RuntimeException e) {
            cores.release(workerId);
            throw e;
        }
    }

    private WorkerEntry launchOnFreePort(String workerId, Launch launch, List<String> pinning, Consumer<String> notes) {
        int port = firstFreePort(config.workerPortStart());
        for (int tries = 0; tries < MAX_PORTS; tries++, port = firstFreePort(port + 1)) {
            WorkerEntry entry = start(workerId, launch, port, pinning);
            if (awaitHealthy(entry)) {
                registry.add(entry);
                loadingWatch.watch(entry);
                LOG.info("Worker {} up on port {} (pid {})", workerId, port, entry.process().pid());
                return entry;
            }
            if (entry.process().exitValue() != EXIT_PORT_IN_USE) {
                throw deviceFailure(entry).orElseGet(() -> startupFailure(workerId, "crashed", entry));
            }
            int next = firstFreePort(port + 1);
            String note = "Port " + port + " in use, trying " + next;
            LOG.info("{}", note);
            notes.accept(note);
        }
        throw RbeeException.of(ErrorCode.WORKER_FAILED, "No free port for worker " + workerId,
                Map.of("worker_id", workerId, "phase", "startup", "reason", "no_free_port"));
    }

    private WorkerEntry start(String workerId, Launch launch, int port, List<String> pinning) {
        List<String> command = new java.util.ArrayList<>(pinning);
        command.addAll(List.of(config.distribution().launcher(WORKER_LAUNCHER).toString(),
                "--worker-id", workerId, "--node", config.nodeName(), "--model", launch.modelPath().toString(),
                "--model-ref", launch.modelRef(), "--backend", launch.backend(), "--device",
                String.valueOf(launch.device()), "--bind", config.bind(), "--port", String.valueOf(port),
                "--hive-url", hiveUrl, "--slots", String.valueOf(launch.slots())));
        try {
            Process process = ChildProcesses.start(command, Map.of("RBEE_CLUSTER_SECRET", config.clusterSecret()),
                    logFile(workerId));
            String url = "http://" + config.bind() + ":" + port;
            return new WorkerEntry(workerId, url, launch.modelRef(), launch.backend(), launch.device(), launch.slots(),
                    port, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + WORKER_LAUNCHER, e);
        }
    }

    /** Polls {@code /health} until it answers; false when the process exited first. */
    private boolean awaitHealthy(WorkerEntry entry) {
        WorkerClient client = new WorkerClient(new HttpJson(Endpoint.of(entry.url(), config.clusterSecret(),
                Duration.ofMillis(500), Duration.ofSeconds(2)), json));
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!entry.process().isAlive()) {
                return false;
            }
            try {
                client.health();
                return true;
            } catch (RuntimeException notYet) {
                sleep(100);
            }
        }
        ChildProcesses.kill(entry.process());
        throw startupFailure(entry.workerId(), "startup_timeout", entry);
    }

    /** S071: missing and not executable are told apart, since the remedies differ. */
    private void requireLauncher() {
        Path launcher = config.distribution().launcher(WORKER_LAUNCHER);
        if (!Files.exists(launcher)) {
            throw RbeeException.of(ErrorCode.WORKER_BINARY_NOT_FOUND, "Worker launcher not found: " + launcher,
                    Map.of("path", launcher.toString(), "reason", "missing"));
        }
        if (!config.distribution().hasLauncher(WORKER_LAUNCHER)) {
            throw RbeeException.of(ErrorCode.WORKER_BINARY_NOT_FOUND, "Worker launcher " + launcher
                    + " is not executable", Map.of("path", launcher.toString(), "reason", "not_executable"));
        }
    }

    /**
     * A worker that could not initialise its device says so in its log with the code as prefix, then exits 1; the
     * caller then gets {@code CUDA_DEVICE_FAILED} with the device's own words rather than a bare exit code (S073).
     */
    private Optional<RbeeException> deviceFailure(WorkerEntry entry) {
        List<String> tail = ChildProcesses.tail(logFile(entry.workerId()), 20);
        String marker = ErrorCode.CUDA_DEVICE_FAILED.name() + ": ";
        return tail.reversed().stream().filter(line -> line.contains(marker)).findFirst().map(line -> {
            String message = line.substring(line.indexOf(marker) + marker.length()).strip();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("worker_id", entry.workerId());
            details.put("device", entry.device());
            details.put("driver_error", message);
            details.put("exit_code", entry.process().exitValue());
            details.put("log_tail", tail);
            return RbeeException.of(ErrorCode.CUDA_DEVICE_FAILED, message, details);
        });
    }

    private RbeeException startupFailure(String workerId, String reason, WorkerEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("worker_id", workerId);
        details.put("phase", "startup");
        details.put("reason", reason);
        if (!entry.process().isAlive()) {
            details.put("exit_code", entry.process().exitValue());
        }
        details.put("log_tail", ChildProcesses.tail(logFile(workerId), 20));
        String cause = "startup_timeout".equals(reason) ? "did not answer within 30 s"
                : "exit code " + entry.process().exitValue();
        return RbeeException.of(ErrorCode.WORKER_FAILED, "Worker " + workerId + " on " + config.nodeName()
                + " exited: " + cause, details);
    }

    private Path logFile(String workerId) {
        return config.home().logsDir().resolve(workerId + ".log"); // e.g. worker-3b1e.log
    }

    /** The lowest port from {@code start} that no worker of this hive uses. */
    private int firstFreePort(int start) {
        int port = start;
        while (usedByWorker(port)) {
            port++;
        }
        return port;
    }

    private boolean usedByWorker(int port) {
        // A worker that died stays listed for a while, but its port is free again.
        return registry.all().stream().filter(w -> !WorkerState.ERROR.equals(w.state()))
                .anyMatch(w -> w.url().endsWith(":" + port));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
