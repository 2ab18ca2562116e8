package dev.rbee.queen.nodes;

import dev.rbee.contract.error.Component;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeStatus;
import dev.rbee.contract.queen.RemoveNodeResponse;
import dev.rbee.contract.queen.UpdateNodeRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Add, update, remove and list nodes (api.md §5.2). Name checks come before any network activity; a row is
 * written only after the SSH test passed, so a failed add or update leaves the registry unchanged.
 */
public final class NodeRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRegistry.class);
    public static final String LOCALHOST = Node.LOCALHOST;

    private final NodeStore store;
    private final SshProbe probe;
    private final Node localNode;

    public NodeRegistry(NodeStore store, SshProbe probe, Node localNode) {
        this.store = store;
        this.probe = probe;
        this.localNode = localNode;
    }

    public boolean exists(String name) {
        return LOCALHOST.equals(name) || find(name).isPresent();
    }

    public Optional<Node> find(String name) {
        try {
            return store.find(name);
        } catch (SQLException e) {
            throw storeFailed(e);
        }
    }

    /** {@code localhost} first, then the stored nodes by name. */
    public List<Node> list() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(localNode);
        try {
            nodes.addAll(store.list());
        } catch (SQLException e) {
            throw storeFailed(e);
        }
        return nodes;
    }

    public Node add(AddNodeRequest r) {
        NodeValidation.Fields fields = new NodeValidation.Fields(r.sshHost(), r.sshPort(), r.sshUser(),
                r.sshKeyPath(), r.installPath(), r.hivePort(), r.hiveBind(), r.acceptHostKey());
        NodeValidation.add(r.nodeName(), fields);
        if (LOCALHOST.equals(r.nodeName())) {
            throw RbeeException.of(ErrorCode.NODE_ALREADY_EXISTS, "'localhost' is the built-in local node",
                    Map.of("node", LOCALHOST));
        }
        if (find(r.nodeName()).isPresent()) {
            throw alreadyExists(r.nodeName());
        }
        Node draft = new Node(r.nodeName(), r.sshHost(),
                Objects.requireNonNullElse(r.sshPort(), AddNodeRequest.DEFAULT_SSH_PORT), r.sshUser(),
                r.sshKeyPath(), Objects.requireNonNullElse(r.installPath(), AddNodeRequest.DEFAULT_INSTALL_PATH),
                Objects.requireNonNullElse(r.hivePort(), AddNodeRequest.DEFAULT_HIVE_PORT), r.hiveBind(),
                NodeStatus.UNKNOWN, null, null, List.of(), Map.of(), null, null, null);
        Node tested = probe.test(draft, r.acceptHostKey());
        try {
            if (!store.insert(tested)) { // another add of the same name won the race: never replace
                throw alreadyExists(r.nodeName());
            }
        } catch (SQLException e) {
            throw storeFailed(e);
        }
        LOG.info("Node '{}' added: {}@{}:{}, install path {}", tested.nodeName(), tested.sshUser(),
                tested.sshHost(), tested.sshPort(), tested.installPath());
        return tested;
    }

    public Node update(UpdateNodeRequest r) {
        NodeValidation.Fields fields = new NodeValidation.Fields(r.sshHost(), r.sshPort(), r.sshUser(),
                r.sshKeyPath(), r.installPath(), r.hivePort(), r.hiveBind(), r.acceptHostKey());
        NodeValidation.check(r.nodeName(), fields).throwIfInvalid(Component.QUEEN);
        refuseLocalhost(r.nodeName());
        if (r.givenFields().isEmpty()) {
            throw invalid("Nothing to update", FieldError.of("$", "non_empty", "Nothing to update: give at least "
                    + "one of ssh_host, ssh_port, ssh_user, ssh_key_path, install_path, hive_port, hive_bind"));
        }
        Node old = find(r.nodeName()).orElseThrow(() -> notFound(r.nodeName()));
        NodeUpdate update = NodeUpdate.of(old, r);
        Node result = update.node();
        if (update.needsSsh() || r.acceptHostKey() != null) {
            result = probe.test(update.withRequestedInstallPath(), r.acceptHostKey());
        }
        try {
            if (!store.update(result)) {
                throw notFound(r.nodeName());
            }
        } catch (SQLException e) {
            throw storeFailed(e);
        }
        LOG.info("Node '{}' updated: {}", r.nodeName(), update.changed());
        return result.withChanged(update.changed());
    }

    public RemoveNodeResponse remove(String name) {
        NodeValidation.check(name, new NodeValidation.Fields(null, null, null, null, null, null, null, null))
                .throwIfInvalid(Component.QUEEN);
        refuseLocalhost(name);
        if (find(name).isEmpty()) {
            throw notFound(name);
        }
        boolean hiveStopped = stopHive.test(name);
        try {
            if (!store.delete(name)) {
                throw notFound(name);
            }
        } catch (SQLException e) {
            throw storeFailed(e);
        }
        LOG.info("Node '{}' removed from the registry (known_hosts kept)", name);
        return new RemoveNodeResponse(name, true, hiveStopped);
    }

    /** After a verified install (api.md §5.3): the node's {@code installed_version}, other columns unchanged. */
    public void recordInstall(String name, String version) {
        Node n = find(name).orElseThrow(() -> notFound(name));
        Node installed = new Node(n.nodeName(), n.sshHost(), n.sshPort(), n.sshUser(), n.sshKeyPath(),
                n.installPath(), n.hivePort(), n.hiveBind(), NodeStatus.REACHABLE, System.currentTimeMillis() / 1000,
                null, n.backends(), n.devices(), version, n.hostKeyFingerprint(), null);
        try {
            if (!store.update(installed)) {
                throw notFound(name);
            }
        } catch (SQLException e) {
            throw storeFailed(e);
        }
    }

    /** The checks of every {@code /v2/nodes/{name}/…} route that acts on a registered node: 400 localhost, 404. */
    public Node requireRemote(String name) {
        refuseLocalhost(name);
        return find(name).orElseThrow(() -> notFound(name));
    }

    private static void refuseLocalhost(String name) {
        if (LOCALHOST.equals(name)) {
            String message = "The node 'localhost' is built in and cannot be changed or removed";
            throw invalid(message, FieldError.of("node_name", "not_localhost", message));
        }
    }

    /** 400 INVALID_REQUEST whose message is the spec's sentence rather than "1 invalid field(s)". */
    private static RbeeException invalid(String message, FieldError error) {
        return RbeeException.of(ErrorCode.INVALID_REQUEST, message,
                Map.of(RbeeException.COMPONENT, Component.QUEEN, RbeeException.ERRORS, List.of(error)));
    }

    /** api.md §5.2: {@code remove} stops the node's hive first, as {@code hive/stop}; true when one was stopped. */
    public void stopHiveOnRemove(java.util.function.Predicate<String> stopper) {
        this.stopHive = stopper;
    }

    private java.util.function.Predicate<String> stopHive = name -> false;

    /** S018: queen reached the node's hive; its row says so ({@code reachable}, {@code last_connected_unix}). */
    public void markConnected(String name) {
        find(name).ifPresent(n -> {
            Node touched = new Node(n.nodeName(), n.sshHost(), n.sshPort(), n.sshUser(), n.sshKeyPath(),
                    n.installPath(), n.hivePort(), n.hiveBind(), NodeStatus.REACHABLE,
                    java.time.Instant.now().getEpochSecond(), null, n.backends(), n.devices(), n.installedVersion(),
                    n.hostKeyFingerprint(), null);
            try {
                store.update(touched);
            } catch (SQLException e) {
                throw storeFailed(e);
            }
        });
    }

    public static RbeeException notFound(String name) {
        return RbeeException.of(ErrorCode.NODE_NOT_FOUND, "Node '" + name + "' is not registered",
                Map.of("node", String.valueOf(name)));
    }

    private static RbeeException alreadyExists(String name) {
        return RbeeException.of(ErrorCode.NODE_ALREADY_EXISTS, "Node '" + name + "' already exists in registry",
                Map.of("node", name));
    }

    private static RbeeException storeFailed(SQLException e) {
        LOG.error("beehives.db failed", e);
        return RbeeException.of(ErrorCode.INTERNAL_ERROR, "Node registry (beehives.db) failed: " + e.getMessage());
    }
}
