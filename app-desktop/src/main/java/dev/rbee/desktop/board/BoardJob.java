package dev.rbee.desktop.board;

import dev.rbee.keeper.cluster.TrackedJob;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One row of the live board. Unlike the overview's records, a row is kept while its job is in flight and its
 * properties change in place, so the table keeps the operator's selection and scroll position while tokens arrive.
 */
public final class BoardJob {
    /** Shown until queen says which worker serves the job (job events do not name it). */
    static final String WORKER_UNKNOWN = "…";

    private final String jobId;
    private final ReadOnlyStringWrapper node = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper worker = new ReadOnlyStringWrapper(WORKER_UNKNOWN);
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper tokens = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper("");

    BoardJob(String jobId) {
        this.jobId = jobId;
    }

    /** Copies what changed; a property set to its own value fires nothing, so a quiet job costs the table nothing. */
    void update(TrackedJob tracked, String workerId, Instant now) {
        var job = tracked.job();
        node.set(job.node());
        model.set(job.model());
        state.set(job.state());
        tokens.set(job.tokensOut());
        worker.set(workerId == null ? WORKER_UNKNOWN : workerId);
        speed.set(speed(tracked.tokensPerSecondAt(now)));
        elapsed.set(elapsed(tracked.elapsedAt(now)));
    }

    static String speed(double tokensPerSecond) {
        return String.format(Locale.ROOT, "%.1f tokens/s", tokensPerSecond);
    }

    static String elapsed(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    public String jobId() { return jobId; }
    public ReadOnlyStringProperty nodeProperty() { return node.getReadOnlyProperty(); }
    public ReadOnlyStringProperty workerProperty() { return worker.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelProperty() { return model.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyLongProperty tokensProperty() { return tokens.getReadOnlyProperty(); }
    public ReadOnlyStringProperty speedProperty() { return speed.getReadOnlyProperty(); }
    public ReadOnlyStringProperty elapsedProperty() { return elapsed.getReadOnlyProperty(); }

    @Override
    public String toString() {
        return jobId + " " + state.get() + " " + tokens.get() + " tokens on " + node.get() + "/" + worker.get();
    }
}
