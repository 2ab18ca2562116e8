package dev.rbee.queen.nodes;

import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.hive.HiveShutdownResponse;
import dev.rbee.contract.queen.ForceKilled;
import dev.rbee.contract.queen.HiveStopResponse;
import dev.rbee.contract.queen.Node;
import dev.rbee.queen.ssh.ShellQuote;
import dev.rbee.queen.ssh.SshLink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hive/stop} for a registered node and its part of the cascade (api.md §5.3, §12): {@code POST
 * /v1/admin/shutdown} to the hive, which stops its workers first; when the hive does not answer or is still there
 * 10 s later, SIGTERM over SSH to the pid it was started with (or reported in its heartbeat).
 */
public final class RemoteHiveStop {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHiveStop.class);
    static final Duration EXIT_WAIT = Duration.ofSeconds(10);
    /** The hive answers once its workers are gone: up to 30 s for one that ignores its shutdown (api.md §12). */
    static final Duration SHUTDOWN_ANSWER = Duration.ofSeconds(35);

    private final RemoteHives hives;
    private final NodeRegistry registry;

    public RemoteHiveStop(RemoteHives hives, NodeRegistry registry) {
        this.hives = hives;
        this.registry = registry;
    }

    public HiveStopResponse stop(String name) {
        Node node = registry.find(name).orElseThrow(() -> NodeRegistry.notFound(name));
        Optional<HiveClient> running = hives.ifRunning(name, SHUTDOWN_ANSWER);
        if (running.isEmpty()) {
            boolean signalled = signal(node);
            hives.forget(name);
            return new HiveStopResponse(name, signalled, 0, List.of());
        }
        int workers = 0;
        List<ForceKilled> forced = List.of();
        try {
            HiveShutdownResponse answer = running.get().adminShutdown();
            workers = answer.workersStopped();
            forced = answer.forceKilled() == null ? List.of()
                    : answer.forceKilled().stream().map(w -> new ForceKilled(name, w)).toList();
        } catch (RuntimeException e) {
            // Refused (another cluster's secret) or no answer: only a hive queen knows the pid of is signalled.
            LOG.warn("POST /v1/admin/shutdown to rbee-hive on {} failed: {}", name, e.getMessage());
            boolean signalled = signal(node);
            hives.forget(name);
            return new HiveStopResponse(name, signalled, 0, List.of());
        }
        if (!gone(name)) {
            signal(node);
        }
        hives.forget(name);
        LOG.info("rbee-hive on {} stopped ({} worker(s))", name, workers);
        return new HiveStopResponse(name, true, workers, forced);
    }

    private boolean gone(String name) {
        long deadline = System.nanoTime() + EXIT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (hives.ifRunning(name).isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * SIGTERM over SSH to the hive's pid; false when queen knows no pid, the process is no rbee-hive any more or the
     * node cannot be reached.
     */
    private boolean signal(Node node) {
        long pid = hives.pid(node.nodeName());
        if (pid <= 0) {
            return false;
        }
        try (SshLink link = hives.link(node)) {
            // Only a process that still is an rbee-hive: the pid may have been reused since queen learnt it.
            String command = ShellQuote.command("grep", "-q", "dev.rbee.hive.Main", "/proc/" + pid + "/cmdline")
                    + " && " + ShellQuote.command("kill", "-TERM", String.valueOf(pid));
            SshLink.Result result = link.exec(command, RemoteHives.COMMAND_TIMEOUT);
            LOG.info("SIGTERM over SSH to rbee-hive {} on {}: exit {}", pid, node.nodeName(), result.exitCode());
            return result.exitCode() != null && result.exitCode() == 0;
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Cannot signal rbee-hive {} on {} over SSH: {}", pid, node.nodeName(), e.getMessage());
            return false;
        }
    }
}
