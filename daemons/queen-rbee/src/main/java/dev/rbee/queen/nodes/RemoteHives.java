package dev.rbee.queen.nodes;

import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Node;
import dev.rbee.queen.ssh.ShellQuote;
import dev.rbee.queen.ssh.SshConnector;
import dev.rbee.queen.ssh.SshLink;
import dev.rbee.queen.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hives of registered (remote) nodes. A hive that already answers at the node's address is used as it is
 * ({@link HivePeer}); otherwise queen checks over SSH that rbee is installed there
 * ({@code test -x '<install_path>/bin/rbee-hive'}, S004). Starting the hive over SSH (api.md §5.3, S018) is not
 * implemented yet, so an installed node without a running hive answers HIVE_NOT_RUNNING.
 */
public final class RemoteHives {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHives.class);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private final NodeRegistry registry;
    private final SshConnector connector;
    private final String secret;
    private final Json json;

    public RemoteHives(NodeRegistry registry, SshConnector connector, String secret, Json json) {
        this.registry = registry;
        this.connector = connector;
        this.secret = secret;
        this.json = json;
    }

    /**
     * A client for the node's running hive, or the reason it cannot serve: not registered, not answering in time,
     * off-contract answers, another version, SSH errors, not installed, not running.
     */
    public HiveClient connect(String name, Consumer<String> narrate) {
        Node node = registry.find(name).orElseThrow(() -> NodeRegistry.notFound(name));
        Optional<HiveClient> running = new HivePeer(node, secret, json).connect(narrate);
        if (running.isPresent()) {
            return running.get();
        }
        requireInstalled(node, narrate);
        LOG.info("rbee-hive is installed on {} but not running; starting remote hives is not implemented yet", name);
        throw RbeeException.of(ErrorCode.HIVE_NOT_RUNNING, "rbee-hive on " + name + " is not running, and starting "
                + "a remote hive is not implemented yet", Map.of("node", name));
    }

    private void requireInstalled(Node node, Consumer<String> narrate) {
        String name = node.nodeName();
        narrate.accept("Connecting to " + node.sshUser() + "@" + node.sshHost() + ":" + node.sshPort());
        SshTarget target = new SshTarget(node.sshHost(), node.sshPort(), node.sshUser(),
                node.sshKeyPath() == null ? null : Path.of(node.sshKeyPath()), null);
        try (SshLink link = connector.connect(target)) {
            String launcher = node.installPath() + "/bin/rbee-hive";
            SshLink.Result test = link.exec(ShellQuote.command("test", "-x", launcher), COMMAND_TIMEOUT);
            if (test.exitCode() == null || test.exitCode() != 0) {
                throw RbeeException.of(ErrorCode.HIVE_NOT_INSTALLED, "rbee-hive not found in " + node.installPath()
                        + " on " + name, Map.of("node", name, "install_path", node.installPath()));
            }
        } catch (IOException e) {
            throw RbeeException.of(ErrorCode.SSH_CONNECTION_FAILED, "SSH connection to " + target.hostPort()
                    + " failed: " + e.getMessage(), Map.of("host", target.host(), "port", target.port()));
        }
    }
}
