package dev.rbee.queen.nodes;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeStatus;
import dev.rbee.queen.ssh.SshConnector;
import dev.rbee.queen.ssh.SshLink;
import dev.rbee.queen.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 2–5 of api.md §5.2 for a node about to be stored: connect, host key, authenticate, then the round trip
 * whose output proves a working shell and gives the SSH user's home for {@code ~} in {@code install_path}.
 */
public final class SshProbe {
    private static final Logger LOG = LoggerFactory.getLogger(SshProbe.class);
    static final String ROUND_TRIP = "echo rbee-ssh-ok; printf '%s\\n' \"$HOME\"; uname -sm";
    static final String MARKER = "rbee-ssh-ok";
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    static final long HIGH_LATENCY_MS = 100;

    private final SshConnector connector;

    public SshProbe(SshConnector connector) {
        this.connector = connector;
    }

    /** The node as it will be stored: reachable now, install path expanded, host key fingerprint recorded. */
    public Node test(Node draft, String acceptHostKey) {
        SshTarget target = new SshTarget(draft.sshHost(), draft.sshPort(), draft.sshUser(),
                draft.sshKeyPath() == null ? null : Path.of(draft.sshKeyPath()), acceptHostKey);
        try (SshLink link = connector.connect(target)) {
            SshLink.Result result = link.exec(ROUND_TRIP, COMMAND_TIMEOUT);
            String home = homeFrom(result.stdout()).orElseThrow(() -> roundTripFailed(target, result));
            if (result.elapsedMs() >= HIGH_LATENCY_MS) {
                LOG.warn("⚠️ SSH latency {}ms (high) to {}", result.elapsedMs(), target.hostPort());
            }
            LOG.info("SSH round trip to {} OK ({} ms; home {})", target.hostPort(), result.elapsedMs(), home);
            return new Node(draft.nodeName(), draft.sshHost(), draft.sshPort(), draft.sshUser(), draft.sshKeyPath(),
                    expand(draft.installPath(), home), draft.hivePort(), draft.hiveBind(), NodeStatus.REACHABLE,
                    System.currentTimeMillis() / 1000, null, draft.backends(), draft.devices(),
                    draft.installedVersion(), link.hostKeyFingerprint(), null);
        } catch (IOException e) {
            throw RbeeException.of(ErrorCode.SSH_CONNECTION_FAILED, "SSH connection to " + target.hostPort()
                    + " failed: " + e.getMessage(), Map.of("host", target.host(), "port", target.port(),
                    "attempts", List.of()));
        }
    }

    /** The line after the marker is {@code $HOME}; empty when the marker or the home is missing. */
    static java.util.Optional<String> homeFrom(String stdout) {
        List<String> lines = stdout.lines().toList();
        int marker = lines.indexOf(MARKER);
        if (marker < 0 || marker + 1 >= lines.size() || !lines.get(marker + 1).startsWith("/")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(lines.get(marker + 1));
    }

    /** {@code ~} and {@code ~/x} name the SSH user's home on the node; absolute paths stay as they are. */
    static String expand(String installPath, String home) {
        String base = home.endsWith("/") && home.length() > 1 ? home.substring(0, home.length() - 1) : home;
        if (installPath.equals("~")) {
            return base;
        }
        if (installPath.startsWith("~/")) {
            return base + installPath.substring(1);
        }
        return installPath;
    }

    private static RbeeException roundTripFailed(SshTarget target, SshLink.Result result) {
        return RbeeException.of(ErrorCode.SSH_CONNECTION_FAILED, "SSH connection to " + target.hostPort()
                + " failed: the test command did not answer " + MARKER, Map.of("host", target.host(), "port",
                target.port(), "attempts", List.of(), "output", result.stdout() + result.stderr()));
    }
}
