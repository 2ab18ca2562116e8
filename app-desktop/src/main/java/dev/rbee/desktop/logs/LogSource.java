package dev.rbee.desktop.logs;

import dev.rbee.keeper.cluster.ClusterState;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whose log to follow, as {@code GET /v2/logs} names it (api.md §5.7): no node is queen's own log, a node alone is its
 * hive's, a node and a worker id is that worker's.
 */
public record LogSource(String node, String worker) {
    public static final LogSource QUEEN = new LogSource(null, null);

    public static LogSource hive(String node) {
        return new LogSource(node, null);
    }

    public static LogSource worker(String node, String workerId) {
        return new LogSource(node, workerId);
    }

    /** Queen, then each known node's hive, then every worker, in queen's order. */
    public static List<LogSource> of(ClusterState state) {
        List<LogSource> sources = new ArrayList<>();
        sources.add(QUEEN);
        Set<String> nodes = new LinkedHashSet<>(state.nodes().keySet());
        nodes.addAll(state.hives().keySet());
        nodes.forEach(node -> sources.add(hive(node)));
        state.workers().values().forEach(w -> sources.add(worker(w.node(), w.workerId())));
        return sources;
    }

    /** How the chooser and the status line name it. */
    public String label() {
        if (node == null) {
            return "queen-rbee";
        }
        return worker == null ? "rbee-hive on " + node : worker + " on " + node;
    }

    @Override
    public String toString() {
        return label();
    }
}
