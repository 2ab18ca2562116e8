package dev.rbee.queen.nodes;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.queen.ssh.ShellQuote;
import dev.rbee.queen.ssh.SshConnector;
import dev.rbee.queen.ssh.SshLink;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log files of a registered node whose hive is stopped (api.md §5.7: a tail works with a stopped hive). They are
 * read with {@code tail} over SSH rather than SFTP: the node's shell resolves {@code RBEE_HOME} (else
 * {@code ~/.rbee}) exactly as the hive's start command did, which SFTP cannot see.
 */
public final class RemoteLogFiles {
    /** Exit status of the read command when the file is not there. */
    private static final int NO_FILE = 4;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final NodeRegistry registry;
    private final SshConnector connector;

    RemoteLogFiles(NodeRegistry registry, SshConnector connector) {
        this.registry = registry;
        this.connector = connector;
    }

    /**
     * The last {@code lines} lines of {@code <RBEE_HOME>/logs/<fileName>} on the node; empty when the file does not
     * exist. SSH failures come as their usual codes; a failed read as {@code INTERNAL_ERROR} with the node's words.
     */
    public Optional<List<String>> tail(String nodeName, String fileName, int lines) {
        var node = registry.find(nodeName).orElseThrow(() -> NodeRegistry.notFound(nodeName));
        try (SshLink link = connector.connect(RemoteHives.target(node))) {
            SshLink.Result read = link.exec(command(fileName, lines), READ_TIMEOUT);
            if (read.exitCode() != null && read.exitCode() == NO_FILE) {
                return Optional.empty();
            }
            if (read.exitCode() == null || read.exitCode() != 0) {
                throw RbeeException.of(ErrorCode.INTERNAL_ERROR, "Reading " + fileName + " on " + nodeName
                        + " failed: " + read.stderr().strip(), Map.of("node", nodeName));
            }
            return Optional.of(read.stdout().isEmpty() ? List.of() : read.stdout().lines().toList());
        } catch (IOException e) {
            throw RbeeException.of(ErrorCode.SSH_CONNECTION_FAILED, "SSH to " + nodeName + " failed while reading "
                    + fileName + ": " + e.getMessage(), Map.of("node", nodeName));
        }
    }

    /** The file name is one quoted word; only queen's own text is shell syntax. */
    static String command(String fileName, int lines) {
        return "f=\"${RBEE_HOME:-$HOME/.rbee}/logs/\"" + ShellQuote.quote(fileName) + "; test -f \"$f\" || exit "
                + NO_FILE + "; tail -n " + lines + " \"$f\"";
    }
}
