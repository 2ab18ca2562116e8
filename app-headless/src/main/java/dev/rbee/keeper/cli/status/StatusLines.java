package dev.rbee.keeper.cli.status;

import dev.rbee.contract.Times;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.cli.TextTable;
import dev.rbee.keeper.cli.worker.WorkerRows;
import dev.rbee.keeper.queen.ClusterStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The screen of {@code status} (cli.md §12): the queen line, then NODES, WORKERS and JOBS; empty ones say (none). */
final class StatusLines {
    private static final String NONE = "(none)";

    private StatusLines() {
    }

    static List<String> screen(ClusterStatus status, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(queen(status));
        lines.add("");
        lines.add("NODES");
        lines.addAll(status.nodes().isEmpty() ? List.of(NONE) : nodes(status));
        lines.add("");
        lines.add("WORKERS");
        lines.addAll(status.workers().isEmpty() ? List.of(NONE) : WorkerRows.table(status.workers()));
        lines.add("");
        lines.add("JOBS");
        lines.addAll(status.jobs().isEmpty() ? List.of(NONE) : jobs(status.jobs(), now));
        return lines;
    }

    static String queen(ClusterStatus status) {
        String owner = status.queen().ownedByKeeper() ? "started by rbee-keeper" : "not started by rbee-keeper";
        return "queen-rbee " + status.queen().version() + " at " + status.queen().url() + " (" + owner + ")";
    }

    /** HIVE is the hive's state, with version and URL while it runs; WORKERS counts the node's workers. */
    private static List<String> nodes(ClusterStatus status) {
        TextTable table = new TextTable("NODE", "STATUS", "HIVE", "WORKERS");
        for (ClusterStatus.NodeRow row : status.nodes()) {
            table.row(row.nodeName(), row.status(), hive(row.hive()),
                    String.valueOf(workersOn(status.workers(), row.nodeName())));
        }
        return table.lines();
    }

    private static String hive(HiveStatus hive) {
        if (hive == null) {
            return "unknown";
        }
        if (!hive.running()) {
            return hive.state() == null ? "stopped" : hive.state();
        }
        return hive.state() + " " + hive.version() + " " + hive.url();
    }

    private static long workersOn(List<QWorker> workers, String node) {
        return workers.stream().filter(w -> node.equals(w.node())).count();
    }

    private static List<String> jobs(List<Job> jobs, Instant now) {
        TextTable table = new TextTable("JOB", "NODE", "MODEL", "TOKENS", "ELAPSED");
        for (Job job : jobs) {
            String since = job.startedAt() != null ? job.startedAt() : job.createdAt();
            table.row(job.jobId(), job.node(), job.model(), String.valueOf(job.tokensOut()), elapsed(since, now));
        }
        return table.lines();
    }

    /** {@code 4.2 s} under a minute, else {@code 3m 07s}. */
    static String elapsed(String since, Instant now) {
        if (since == null) {
            return "-";
        }
        Duration d = Duration.between(Times.parse(since), now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toSeconds() < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
    }
}
