package dev.rbee.queen.nodes;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeStatus;
import dev.rbee.queen.ssh.KnownHosts;
import dev.rbee.queen.ssh.SshConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Wires the node registry: {@code beehives.db}, queen's known_hosts and its SSH client. */
public final class Nodes implements AutoCloseable {
    /** api.md §11: SSH connect, per attempt. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final NodeStore store;
    private final SshConnector connector;
    private final NodeRegistry registry;
    private final RemoteHives remoteHives;

    /** {@code secret}: the cluster secret queen's calls to a node's hive carry. */
    public Nodes(RbeeHome home, Path distribution, Json json, String secret) {
        store = new NodeStore(home.beehivesDb(), json);
        connector = new SshConnector(new KnownHosts(home.knownHosts()), CONNECT_TIMEOUT,
                Path.of(System.getProperty("user.home")));
        registry = new NodeRegistry(store, new SshProbe(connector), localNode(distribution));
        remoteHives = new RemoteHives(registry, connector, secret, json);
    }

    /** {@code localhost} as the list shows it: no SSH fields, queen's own distribution, always reachable. */
    static Node localNode(Path distribution) {
        return new Node(Node.LOCALHOST, null, null, null, null, distribution.toString(), null, null,
                NodeStatus.REACHABLE, null, null, List.of(), Map.of(), null, null, null);
    }

    /** The install route's worker: copies {@code distribution} to nodes, stopping a running hive first. */
    public dev.rbee.queen.install.NodeInstaller installer(Path distribution,
            dev.rbee.queen.install.NodeInstaller.HiveStopper stopper) {
        return new dev.rbee.queen.install.NodeInstaller(registry, connector, distribution, stopper);
    }

    public RemoteLogFiles remoteLogFiles() {
        return new RemoteLogFiles(registry, connector);
    }

    public RemoteHives remoteHives() {
        return remoteHives;
    }

    public NodeRegistry registry() {
        return registry;
    }

    @Override
    public void close() throws Exception {
        connector.close();
        store.close();
    }
}
