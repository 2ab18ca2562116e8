package dev.rbee.desktop.board;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.cluster.ClusterUpdate;
import dev.rbee.keeper.cluster.TrackedJob;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The live board: every job in flight from the keeper core's cluster state, one stable {@link BoardJob} per job so
 * the table keeps its selection while tokens grow; a finished job leaves the board. The selected job's full stream
 * is followed ({@link TokenFollow}: its generated text, live) and its state lines ({@link JobStream}) fill the detail
 * pane, and Cancel sends {@code DELETE /v2/tasks/{id}} like the CLI's Ctrl+C.
 * Runs on the UI thread; updates come from the shared feed (already coalesced to one per frame) and from a once-a-second
 * {@link #refresh} for elapsed times. Queen's job events do not name the worker, so it is taken from the snapshot, from
 * the only busy worker of the job's model on its node, or asked once of {@code GET /v2/tasks/{id}} in the background.
 */
public final class BoardViewModel {
    private final ObservableList<BoardJob> jobs = FXCollections.observableArrayList();
    private final Map<String, BoardJob> rows = new HashMap<>();
    private final Map<String, JobStream> streams = new LinkedHashMap<>();
    private final Map<String, String> workerOfJob = new ConcurrentHashMap<>();
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No job in flight");
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper("Select a job to follow it");
    private final ReadOnlyStringWrapper detailStream = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper followedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private final Supplier<QueenClient> clients;
    private final RbeeHome home;
    private final Executor background;
    private final Executor ui;
    private ClusterState state;
    private TokenFollow follow;

    /** {@code clients} may block (it opens the app's queen session) and throws RbeeException when queen is away. */
    public BoardViewModel(Supplier<QueenClient> clients, RbeeHome home, Executor background, Executor ui) {
        this.clients = clients;
        this.home = home;
        this.background = background;
        this.ui = ui;
    }

    /** A new state from the feed: the jobs' streams move on, then the rows. */
    public void show(ClusterUpdate update, Instant now) {
        state = update.state();
        state.activeJobs().forEach(job -> streams.computeIfAbsent(job.job().jobId(), id -> new JobStream())
                .observe(job.job(), now));
        state.recentJobs().forEach(job -> {
            JobStream stream = streams.get(job.job().jobId());
            if (stream != null) {
                stream.observe(job.job(), now);
            }
        });
        refresh(now);
    }

    /** Elapsed times and speeds depend on the clock, so the app calls this once a second as well. */
    public void refresh(Instant now) {
        if (state == null) {
            return;
        }
        Map<String, TrackedJob> active = state.jobs().active();
        jobs.removeIf(row -> !active.containsKey(row.jobId()));
        rows.keySet().retainAll(active.keySet());
        workerOfJob.keySet().retainAll(active.keySet());
        streams.keySet().removeIf(id -> !active.containsKey(id) && !id.equals(selected.get()));
        active.values().forEach(tracked -> {
            BoardJob row = rows.computeIfAbsent(tracked.job().jobId(), id -> {
                BoardJob added = new BoardJob(id);
                jobs.add(added);
                return added;
            });
            row.update(tracked, workerOf(tracked.job()), now);
        });
        summary.set(active.isEmpty() ? "No job in flight" : active.size() + (active.size() == 1 ? " job" : " jobs")
                + " in flight · " + BoardJob.speed(state.tokensPerSecondAt(now)));
        showDetail();
    }

    /** The job whose stream the detail pane follows; null clears it. Its generated text is followed live. */
    public void select(String jobId) {
        if (jobId == null || !jobId.equals(selected.get())) {
            follow(jobId);
        }
        selected.set(jobId);
        error.set("");
        status.set("");
        showDetail();
    }

    /** Hangs up on the previous job's stream and opens the new one's in the background. */
    private void follow(String jobId) {
        stopFollowing();
        followedText.set("");
        if (jobId == null) {
            return;
        }
        TokenFollow opened = new TokenFollow(jobId, ui, followedText::set);
        follow = opened;
        background.execute(() -> opened.run(clients,
                e -> String.join("\n", ErrorPresenter.lines(e, ErrorContext.of("", home)))));
    }

    /** The screen is going away (or the app is): no stream stays open for it. */
    public void stopFollowing() {
        if (follow != null) {
            follow.close();
            follow = null;
        }
    }

    /** {@code DELETE /v2/tasks/{id}} in the background; the job leaves the board when queen reports it cancelled. */
    public void cancelSelected() {
        String jobId = selected.get();
        if (jobId == null || !rows.containsKey(jobId)) {
            return;
        }
        error.set("");
        status.set("Cancelling " + jobId + "…");
        background.execute(() -> {
            try {
                clients.get().cancelTask(jobId);
                ui.execute(() -> status.set("Cancel sent to " + jobId + "; it leaves the board when queen confirms"));
            } catch (RbeeException e) {
                ui.execute(() -> {
                    status.set("");
                    error.set(String.join("\n", ErrorPresenter.lines(e, ErrorContext.of("", home))));
                });
            }
        });
    }

    private void showDetail() {
        String jobId = selected.get();
        JobStream stream = jobId == null ? null : streams.get(jobId);
        BoardJob row = jobId == null ? null : rows.get(jobId);
        cancellable.set(row != null);
        if (jobId == null || stream == null) {
            detailTitle.set("Select a job to follow it");
            detailStream.set("");
            return;
        }
        detailTitle.set(row == null ? jobId + " · no longer in flight"
                : jobId + " · " + row.modelProperty().get() + " on " + row.nodeProperty().get() + " / "
                        + row.workerProperty().get() + " · " + row.tokensProperty().get() + " tokens · "
                        + row.elapsedProperty().get());
        detailStream.set(stream.text());
    }

    /** Null while unknown; asks queen once the job has a worker (it has none while provisioning). */
    private String workerOf(Job job) {
        if (job.workerId() != null) {
            return job.workerId();
        }
        String known = workerOfJob.get(job.jobId());
        if (known != null) {
            return known;
        }
        List<QWorker> busy = state.workersOn(job.node()).stream()
                .filter(w -> job.model().equals(w.modelRef()) && w.slotsBusy() > 0).toList();
        if (busy.size() == 1) {
            return busy.getFirst().workerId();
        }
        if (!JobState.PROVISIONING.equals(job.state()) && asked.add(job.jobId())) {
            background.execute(() -> askWorker(job.jobId()));
        }
        return null;
    }

    private void askWorker(String jobId) {
        try {
            String workerId = clients.get().job(jobId).workerId();
            if (workerId == null) {
                asked.remove(jobId); // not placed yet after all: the next refresh asks again
                return;
            }
            workerOfJob.put(jobId, workerId);
            ui.execute(() -> refresh(Instant.now()));
        } catch (RbeeException e) {
            // Finished meanwhile (404) or queen away: the column keeps its "…" and the board goes on.
        }
    }

    public ObservableList<BoardJob> jobs() { return jobs; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailTitleProperty() { return detailTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailStreamProperty() { return detailStream.getReadOnlyProperty(); }
    /** The followed job's generated text, growing while it runs; ends with a line saying how the job ended. */
    public ReadOnlyStringProperty followedTextProperty() { return followedText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty cancellableProperty() { return cancellable.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
