package dev.rbee.queen.nodes;

import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.UpdateNodeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stored node with the given fields of an update applied, and which of them really changed. A change of an SSH
 * field (host, port, user, key, install path) means the connection is tested again (api.md §5.2).
 */
record NodeUpdate(Node node, List<String> changed, String requestedInstallPath) {
    private static final List<String> SSH_FIELDS = List.of("ssh_host", "ssh_port", "ssh_user", "ssh_key_path",
            "install_path");

    static NodeUpdate of(Node old, UpdateNodeRequest r) {
        List<String> changed = new ArrayList<>();
        String host = pick(old.sshHost(), r.sshHost(), "ssh_host", changed);
        Integer port = pick(old.sshPort(), r.sshPort(), "ssh_port", changed);
        String user = pick(old.sshUser(), r.sshUser(), "ssh_user", changed);
        String key = pick(old.sshKeyPath(), r.sshKeyPath(), "ssh_key_path", changed);
        // The stored install path is already expanded on the node; a new one (maybe "~/…") is expanded by the test.
        String install = pick(old.installPath(), r.installPath(), "install_path", changed);
        Integer hivePort = pick(old.hivePort(), r.hivePort(), "hive_port", changed);
        String hiveBind = pick(old.hiveBind(), r.hiveBind(), "hive_bind", changed);
        Node node = new Node(old.nodeName(), host, port, user, key, install, hivePort, hiveBind, old.status(),
                old.lastConnectedUnix(), old.lastError(), old.backends(), old.devices(), old.installedVersion(),
                old.hostKeyFingerprint(), null);
        return new NodeUpdate(node, List.copyOf(changed), r.installPath());
    }

    boolean needsSsh() {
        return changed.stream().anyMatch(SSH_FIELDS::contains);
    }

    /** The node to test: with the install path as the request gave it, so {@code ~/} is expanded on the node. */
    Node withRequestedInstallPath() {
        if (requestedInstallPath == null) {
            return node;
        }
        return new Node(node.nodeName(), node.sshHost(), node.sshPort(), node.sshUser(), node.sshKeyPath(),
                requestedInstallPath, node.hivePort(), node.hiveBind(), node.status(), node.lastConnectedUnix(),
                node.lastError(), node.backends(), node.devices(), node.installedVersion(),
                node.hostKeyFingerprint(), null);
    }

    private static <T> T pick(T old, T given, String field, List<String> changed) {
        if (given == null || Objects.equals(old, given)) {
            return old;
        }
        changed.add(field);
        return given;
    }
}
