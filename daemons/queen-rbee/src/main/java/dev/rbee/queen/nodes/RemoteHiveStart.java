package dev.rbee.queen.nodes;

import dev.rbee.contract.Version;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.Node;
import dev.rbee.queen.ssh.ShellQuote;
import dev.rbee.queen.ssh.SshLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Over one SSH session: the preflight checks of S012, then the detached start of the node's hive (api.md §5.3,
 * S018). The secret goes on the command's stdin: the remote shell reads it with {@code read} and hands it to the
 * hive through a pipe from the {@code printf} builtin, so it is in no command line; {@code setsid} puts the hive in
 * its own session, so the end of the SSH session (and its hang-up) leaves the hive running.
 */
final class RemoteHiveStart {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHiveStart.class);
    static final long HIGH_LATENCY_MS = 100;
    /** The node's own log: where rbee-hive writes anyway (its RBEE_HOME there, else ~/.rbee). */
    static final String NODE_LOG = "\"${RBEE_HOME:-$HOME/.rbee}/logs/rbee-hive.log\"";

    private final Node node;
    private final SshLink link;
    private final Consumer<String> narrate;

    RemoteHiveStart(Node node, SshLink link, Consumer<String> narrate) {
        this.node = node;
        this.link = link;
        this.narrate = narrate;
    }

    String nodeName() {
        return node.nodeName();
    }

    String launcher() {
        return node.installPath() + "/bin/rbee-hive";
    }

    /** S012's checks after connect and authenticate: round trip, latency, the installed version. */
    void preflight() throws IOException {
        SshLink.Result echo = link.exec(ShellQuote.command("echo", "rbee-preflight"), RemoteHives.COMMAND_TIMEOUT);
        if (!"rbee-preflight".equals(echo.stdout().strip())) {
            throw startFailed("preflight", "echo rbee-preflight returned '" + echo.stdout().strip() + "'");
        }
        passed("echo round trip", echo.elapsedMs());
        if (echo.elapsedMs() > HIGH_LATENCY_MS) {
            narrate.accept("⚠️ SSH latency to " + node.nodeName() + " is " + echo.elapsedMs() + " ms (above "
                    + HIGH_LATENCY_MS + " ms)");
        }
        passed("latency", echo.elapsedMs());
        SshLink.Result version = link.exec(ShellQuote.command(launcher(), "--version"), Duration.ofSeconds(30));
        String printed = version.stdout().strip().replaceFirst("^rbee-hive ", "");
        if (version.exitCode() == null || version.exitCode() != 0) {
            throw startFailed("version", "rbee-hive --version failed: " + version.stderr().strip());
        }
        if (!Version.compatibleWithCurrent(printed)) {
            throw RbeeException.of(ErrorCode.VERSION_MISMATCH, "rbee-hive on " + node.nodeName() + " is " + printed
                    + " but queen-rbee is " + Version.CURRENT, Map.of("node", node.nodeName(),
                    "hive_version", printed, "queen_version", Version.CURRENT));
        }
        passed("rbee-hive --version " + printed, version.elapsedMs());
    }

    void passed(String check, long ms) {
        LOG.info("SSH preflight {}: {} OK ({} ms)", node.nodeName(), check, ms);
    }

    /** Starts the hive detached and answers its pid; the caller then polls its health. */
    long start(String queenUrl, String secret) throws IOException {
        narrate.accept("Starting rbee-hive on " + node.nodeName());
        SshLink.Result started = link.exec(command(queenUrl), (secret + "\n").getBytes(StandardCharsets.UTF_8),
                RemoteHives.COMMAND_TIMEOUT);
        String pid = started.stdout().strip();
        if (started.exitCode() == null || started.exitCode() != 0 || !pid.matches("\\d+")) {
            throw startFailed("start", "the start command exited with " + started.exitCode() + ": "
                    + started.stderr().strip());
        }
        LOG.info("rbee-hive on {} started over SSH with pid {}", node.nodeName(), pid);
        return Long.parseLong(pid);
    }

    /** The hive process started by {@link #start} still exists on the node ({@code kill -0}). */
    boolean stillRunning(long pid) {
        try {
            SshLink.Result probe = link.exec(ShellQuote.command("kill", "-0", String.valueOf(pid)),
                    RemoteHives.COMMAND_TIMEOUT);
            return probe.exitCode() != null && probe.exitCode() == 0;
        } catch (IOException | RuntimeException e) {
            return true; // cannot tell: keep polling its health until the deadline
        }
    }

    /** The last 20 lines of the node's hive log, for {@code details.log_tail} (api.md §5.3). */
    List<String> logTail() {
        try {
            SshLink.Result tail = link.exec("tail -n 20 " + NODE_LOG, RemoteHives.COMMAND_TIMEOUT);
            return tail.stdout().isBlank() ? List.of() : List.of(tail.stdout().strip().split("\n"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** HIVE_START_FAILED with the hive log's last lines; the caller narrates nothing more. */
    RbeeException notHealthy(String why) {
        List<String> tail = logTail();
        return RbeeException.of(ErrorCode.HIVE_START_FAILED, "rbee-hive on " + node.nodeName() + " " + why,
                Map.of("node", node.nodeName(), "reason", "health", "log_tail", tail));
    }

    /** Every registry value is one single-quoted word (S017); only queen's own fixed text is shell syntax. */
    String command(String queenUrl) {
        List<String> words = new ArrayList<>(List.of(launcher(), "daemon", "--bind", bindAddress(),
                "--port", String.valueOf(port()), "--node-name", node.nodeName(), "--queen-url", queenUrl,
                "--secret-stdin"));
        return "IFS= read -r secret || exit 3; mkdir -p \"${RBEE_HOME:-$HOME/.rbee}/logs\"; "
                + "printf '%s\\n' \"$secret\" | setsid " + ShellQuote.command(words.toArray(String[]::new))
                + " >>" + NODE_LOG + " 2>&1 & echo $!";
    }

    /** api.md §5.2: {@code hive_bind} defaults to {@code ssh_host}. */
    String bindAddress() {
        return node.hiveBind() == null || node.hiveBind().isBlank() ? node.sshHost() : node.hiveBind();
    }

    int port() {
        return node.hivePort() == null ? AddNodeRequest.DEFAULT_HIVE_PORT : node.hivePort();
    }

    RbeeException startFailed(String reason, String message) {
        return RbeeException.of(ErrorCode.HIVE_START_FAILED, "rbee-hive on " + node.nodeName()
                + " did not start: " + message, Map.of("node", node.nodeName(), "reason", reason));
    }
}
