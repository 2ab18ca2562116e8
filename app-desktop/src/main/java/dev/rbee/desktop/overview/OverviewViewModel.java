package dev.rbee.desktop.overview;

import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.cluster.ClusterUpdate;
import dev.rbee.keeper.cluster.ConnectionState;
import dev.rbee.keeper.cluster.TrackedJob;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cluster overview from the keeper core's {@link ClusterUpdate}s: the connection (with a banner while queen is
 * away), one summary line, tokens/s across the cluster, the nodes and the jobs in flight. Runs on the UI thread; the
 * watcher already coalesces bursts, and {@link #refresh} is called on a timer because a silent job's speed decays.
 */
public final class OverviewViewModel {
    static final String QUEEN_STOPPED = "queen-rbee is stopped; Start queen brings the cluster back";
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("Connecting to queen-rbee…");
    private final ReadOnlyBooleanWrapper disconnected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tokensPerSecond = new ReadOnlyStringWrapper("");
    private final ObservableList<NodeRow> nodes = FXCollections.observableArrayList();
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final ObservableList<String> alerts = FXCollections.observableArrayList();
    private ClusterState state;
    private ConnectionState lastConnection = ConnectionState.CONNECTING;
    private boolean queenStopped;

    /** A new update from the watcher; {@code now} is the time to measure speeds and ages against. */
    public void show(ClusterUpdate update, Instant now) {
        lastConnection = update.connection();
        showConnection();
        state = update.state();
        refresh(now);
    }

    /** The user stopped queen from the app: say so instead of "lost… reconnecting", which would sound like a fault. */
    public void queenStopped(boolean stopped) {
        queenStopped = stopped;
        showConnection();
    }

    /** The last state the watcher handed over (empty before the first snapshot), e.g. to list what to stop. */
    public ClusterState state() {
        return state == null ? ClusterState.empty(Instant.now()) : state;
    }

    private void showConnection() {
        connection.set(queenStopped ? QUEEN_STOPPED : describe(lastConnection));
        disconnected.set(queenStopped || lastConnection.phase() == ConnectionState.Phase.DISCONNECTED);
    }

    /** Recomputes what depends on the time: speeds fall to 0 when a job goes quiet, elapsed times grow. */
    public void refresh(Instant now) {
        if (state == null) {
            return;
        }
        summary.set(summaryOf(state));
        tokensPerSecond.set(speed(state.tokensPerSecondAt(now)) + " across the cluster");
        nodes.setAll(nodeRows(state));
        alerts.setAll(OverviewAlerts.of(state));
        jobs.setAll(state.activeJobs().stream().map(job -> jobRow(job, now)).toList());
    }

    static String describe(ConnectionState connection) {
        return switch (connection.phase()) {
            case CONNECTING -> "Connecting to queen-rbee…";
            case CONNECTED -> "Connected to queen-rbee: live";
            case DISCONNECTED -> "⚠️ Lost queen-rbee (" + connection.reason() + "); reconnecting by itself"
                    + (connection.attempts() > 1 ? " (attempt " + connection.attempts() + ")" : "") + "…";
        };
    }

    static String summaryOf(ClusterState state) {
        Map<String, Integer> workers = state.workerCounts();
        List<String> byState = new ArrayList<>();
        workers.forEach((name, count) -> {
            if (count > 0) {
                byState.add(count + " " + name);
            }
        });
        int total = workers.values().stream().mapToInt(Integer::intValue).sum();
        return plural(state.nodes().size(), "node") + " · " + plural(state.runningHives(), "hive") + " running · "
                + plural(total, "worker") + (byState.isEmpty() ? "" : " (" + String.join(", ", byState) + ")")
                + " · " + plural(state.activeJobs().size(), "job") + " in flight";
    }

    private static List<NodeRow> nodeRows(ClusterState state) {
        return state.nodes().values().stream().map(node -> new NodeRow(node.nodeName(), node.status(),
                hiveText(state.hive(node.nodeName()).orElse(null)), state.workersOn(node.nodeName()).size())).toList();
    }

    private static String hiveText(HiveStatus hive) {
        if (hive == null) {
            return "stopped";
        }
        return hive.version() == null ? hive.state() : hive.state() + " " + hive.version();
    }

    private static JobRow jobRow(TrackedJob tracked, Instant now) {
        var job = tracked.job();
        return new JobRow(job.jobId(), job.node(), job.model(), job.state(), job.tokensOut(),
                speed(tracked.tokensPerSecondAt(now)), elapsed(tracked.elapsedAt(now)));
    }

    static String speed(double tokensPerSecond) {
        return String.format(Locale.ROOT, "%.1f tokens/s", tokensPerSecond);
    }

    static String elapsed(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    public ReadOnlyStringProperty connectionProperty() { return connection.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty disconnectedProperty() { return disconnected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty tokensPerSecondProperty() { return tokensPerSecond.getReadOnlyProperty(); }
    public ObservableList<NodeRow> nodes() { return nodes; }
    public ObservableList<JobRow> jobs() { return jobs; }
    public ObservableList<String> alerts() { return alerts; }
}
