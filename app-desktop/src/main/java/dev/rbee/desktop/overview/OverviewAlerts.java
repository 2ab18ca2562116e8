package dev.rbee.desktop.overview;

import dev.rbee.contract.Version;
import dev.rbee.contract.WorkerState;
import dev.rbee.contract.queen.HiveState;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.NodeStatus;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.cluster.ClusterState;

import java.util.ArrayList;
import java.util.List;

/** What needs the operator's attention in a cluster state, worst first: failed workers, then unreachable parts. */
final class OverviewAlerts {
    private OverviewAlerts() {
    }

    static List<String> of(ClusterState state) {
        List<String> alerts = new ArrayList<>();
        for (QWorker worker : state.workers().values()) {
            if (WorkerState.ERROR.equals(worker.state())) {
                alerts.add("❌ Worker " + worker.workerId() + " on " + worker.node() + " failed (" + worker.modelRef() + ")");
            } else if (worker.stale()) {
                alerts.add("⚠️ Worker " + worker.workerId() + " on " + worker.node()
                        + " missed its heartbeats (stale); no new jobs go to it");
            }
        }
        for (Node node : state.nodes().values()) {
            if (NodeStatus.UNREACHABLE.equals(node.status())) {
                alerts.add("⚠️ Node " + node.nodeName() + " is unreachable"
                        + (node.lastError() == null ? "" : ": " + node.lastError()));
            }
        }
        for (HiveStatus hive : state.hives().values()) {
            if (HiveState.UNREACHABLE.equals(hive.state())) {
                alerts.add("⚠️ The hive on " + hive.node() + " does not answer its health checks");
            } else if (hive.version() != null && !Version.CURRENT.equals(hive.version())) {
                alerts.add("⚠️ The hive on " + hive.node() + " runs " + hive.version() + ", this rbee-keeper is "
                        + Version.CURRENT + " (rbee-keeper setup install --node " + hive.node() + ")");
            }
        }
        return alerts;
    }
}
