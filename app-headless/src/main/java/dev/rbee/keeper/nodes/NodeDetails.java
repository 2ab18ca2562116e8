package dev.rbee.keeper.nodes;

import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.HiveState;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Node;

import java.util.List;

/**
 * A registry row ({@code setup list-nodes}) with queen's view of its hive ({@code hive status}): what a screen of
 * nodes shows, from the same two calls the CLI makes.
 */
public record NodeDetails(Node node, HiveStatus hive) {

    /** Every registered node, {@code localhost} first, each with its hive status. */
    public static List<NodeDetails> collect(QueenClient client) {
        return client.listNodes().nodes().stream().map(node -> new NodeDetails(node, hive(client, node.nodeName())))
                .toList();
    }

    /** One node whose hive cannot be asked (SSH down, …) must not hide the others: it reads as unreachable. */
    public static HiveStatus hive(QueenClient client, String node) {
        try {
            return client.hiveStatus(node);
        } catch (RbeeException e) {
            return new HiveStatus(node, false, HiveState.UNREACHABLE, null, null, null, null, null, null, 0, null);
        }
    }
}
