package dev.rbee.keeper.cli.status;

import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Job;
import dev.rbee.keeper.cli.CliContext;
import dev.rbee.keeper.cli.GlobalOptions;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.cli.KeeperCommand;
import dev.rbee.keeper.cli.worker.WorkerRows;
import dev.rbee.keeper.queen.ClusterStatus;
import dev.rbee.keeper.queen.QueenDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code rbee-keeper status} (cli.md §12): one screen of the cluster; reports, never starts a queen. */
@Command(name = "status", description = "Show queen-rbee, the nodes, workers and jobs on one screen.")
public final class StatusCommand implements KeeperCommand {
    @Mixin
    GlobalOptions globals;

    @Override
    public int execute(CliContext context) {
        ClusterStatus status = ClusterStatus.collect(context.env(), context.queenUrl(), context.queenMessages());
        boolean running = status.queen().running();
        if (context.json()) {
            context.console().result(context.env().json().write(document(status)));
        } else if (running) {
            StatusLines.screen(status, Instant.now()).forEach(context.console()::result);
        } else {
            context.console().result("queen-rbee is not running at " + status.queen().url());
            context.console().note("💡 Start it: rbee-keeper daemon start");
        }
        return running ? KeeperCli.OK : KeeperCli.FAILED;
    }

    private static Map<String, Object> document(ClusterStatus status) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("queen", queen(status.queen()));
        doc.put("nodes", nodes(status.nodes()));
        doc.put("workers", WorkerRows.json(status.workers()));
        doc.put("jobs", jobs(status.jobs()));
        return doc;
    }

    private static Map<String, Object> queen(QueenDaemon.Status queen) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("url", queen.url().text());
        doc.put("running", queen.running());
        doc.put("version", queen.version());
        doc.put("owner", !queen.running() ? null : queen.ownedByKeeper() ? "rbee-keeper" : "external");
        return doc;
    }

    private static List<Map<String, Object>> nodes(List<ClusterStatus.NodeRow> rows) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (ClusterStatus.NodeRow row : rows) {
            HiveStatus hive = row.hive();
            Map<String, Object> hiveDoc = new LinkedHashMap<>();
            hiveDoc.put("running", hive != null && hive.running());
            hiveDoc.put("url", hive == null ? null : hive.url());
            hiveDoc.put("version", hive == null ? null : hive.version());
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("node_name", row.nodeName());
            node.put("status", row.status());
            node.put("hive", hiveDoc);
            nodes.add(node);
        }
        return nodes;
    }

    private static List<Map<String, Object>> jobs(List<Job> jobs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Job job : jobs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("job_id", job.jobId());
            row.put("node", job.node());
            row.put("model", job.model());
            row.put("worker_id", job.workerId());
            row.put("tokens_out", job.tokensOut());
            row.put("started_at", job.startedAt());
            rows.add(row);
        }
        return rows;
    }
}
