package dev.rbee.keeper.queen;

import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeStatus;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.nodes.NodeDetails;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-screen view of {@code rbee-keeper status} (cli.md §12): the queen, every node with its hive, the workers
 * and the jobs in flight. Collecting it never starts a queen; a queen that does not answer gives empty lists.
 */
public record ClusterStatus(QueenDaemon.Status queen, List<NodeRow> nodes, List<QWorker> workers, List<Job> jobs) {

    /** A registry row and queen's view of its hive. */
    public record NodeRow(String nodeName, String status, HiveStatus hive) {
    }

    /** @throws RbeeException when queen answers {@code /health} but refuses a listing (for example INVALID_API_KEY) */
    public static ClusterStatus collect(KeeperEnvironment env, QueenUrl url, QueenLifecycleListener listener) {
        QueenDaemon.Status queen = new QueenDaemon(env, listener).status(url);
        if (!queen.running()) {
            return new ClusterStatus(queen, List.of(), List.of(), List.of());
        }
        QueenClient client = env.queenClient(url);
        try {
            List<QWorker> workers = client.workersList(null).workers();
            List<Job> jobs = client.jobs().jobs();
            return new ClusterStatus(queen, nodes(client), workers, jobs);
        } catch (RuntimeException e) {
            throw KeeperErrors.fromClient(e, url);
        }
    }

    /**
     * Every registered node with its hive. A queen without the registry route (404) knows only {@code localhost},
     * which is always in the registry (api.md §5.1).
     */
    private static List<NodeRow> nodes(QueenClient client) {
        List<NodeRow> rows = new ArrayList<>();
        for (Node node : registry(client)) {
            rows.add(new NodeRow(node.nodeName(), node.status(), hive(client, node.nodeName())));
        }
        return rows;
    }

    private static List<Node> registry(QueenClient client) {
        try {
            return client.listNodes().nodes();
        } catch (RbeeException e) {
            if (!routeMissing(e)) {
                throw e;
            }
            return List.of(localhost());
        }
    }

    /**
     * 404 for the route itself. Today's queen answers an unknown route asked for by the client with the web
     * framework's own 404 body instead of the envelope, which the client reports as INVALID_RESPONSE with the status.
     */
    private static boolean routeMissing(RbeeException e) {
        return e.is(ErrorCode.NOT_FOUND)
                || e.is(ErrorCode.INVALID_RESPONSE) && Integer.valueOf(404).equals(e.details().get("status"));
    }

    private static Node localhost() {
        return new Node(Node.LOCALHOST, null, null, null, null, null, null, null, NodeStatus.REACHABLE, null, null,
                null, null, null, null, null);
    }

    /** One node whose hive cannot be asked (SSH down, …) must not hide the rest of the screen. */
    private static HiveStatus hive(QueenClient client, String node) {
        return NodeDetails.hive(client, node);
    }
}
