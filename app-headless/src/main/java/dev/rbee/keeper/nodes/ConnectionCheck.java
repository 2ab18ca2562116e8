package dev.rbee.keeper.nodes;

import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.UpdateNodeRequest;

/**
 * Re-tests SSH to a registered node. Queen has no separate test route; an update carrying {@code accept_host_key}
 * always runs the connect, host-key, authentication and command steps of api.md §5.2 again, and the node's own
 * stored fingerprint keeps the host-key rule as it is (a changed key is still HOST_KEY_MISMATCH). Success refreshes
 * {@code last_connected_unix}; failures carry the codes and {@code details.attempts} of {@code setup add-node}.
 */
public final class ConnectionCheck {
    private ConnectionCheck() {
    }

    /** @throws IllegalArgumentException for {@code localhost} or a node without a stored host key */
    public static Node retest(QueenClient client, Node node) {
        if (Node.LOCALHOST.equals(node.nodeName()) || node.hostKeyFingerprint() == null) {
            throw new IllegalArgumentException("no SSH connection to test for " + node.nodeName());
        }
        return client.updateNode(new UpdateNodeRequest(node.nodeName(), null, null, null, null, null, null, null,
                node.hostKeyFingerprint()));
    }
}
