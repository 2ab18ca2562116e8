package dev.rbee.queen.tasks;

import dev.rbee.contract.Ids;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.Job;
import dev.rbee.queen.events.ClusterEvents;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Jobs in flight and those finished in the last 10 minutes (api.md §5.1, §11); memory only. */
public final class JobRegistry {
    private static final long KEEP_FINISHED_NANOS = 10L * 60 * 1_000_000_000L;

    private record Tracked(JobRecord job, long finishedNanos) {
    }

    private final Map<String, Tracked> jobs = new ConcurrentHashMap<>();
    private final Ids ids = new Ids();
    private final ClusterEvents events;

    public JobRegistry(ClusterEvents events) {
        this.events = events;
    }

    private volatile Consumer<FinishedJob> onFinished = job -> { };

    /** Who hears of every job as it ends (the metrics); one listener. */
    public void onFinished(Consumer<FinishedJob> listener) {
        onFinished = listener;
    }

    JobRecord create(String node, String model) {
        JobRecord job;
        do {
            job = new JobRecord(ids.newJobId(), node, model, events);
        } while (jobs.putIfAbsent(job.jobId(), new Tracked(job, 0)) != null);
        job.created();
        return job;
    }

    void finished(JobRecord job) {
        jobs.put(job.jobId(), new Tracked(job, System.nanoTime()));
        forgetOld();
        onFinished.accept(job.finishedSummary());
    }

    Optional<JobRecord> find(String jobId) {
        forgetOld();
        return Optional.ofNullable(jobs.get(jobId)).map(Tracked::job);
    }

    public Job get(String jobId) {
        return find(jobId).map(JobRecord::toJob).orElseThrow(() -> RbeeException.of(ErrorCode.JOB_NOT_FOUND,
                "Job '" + jobId + "' not found", Map.of("job_id", jobId)));
    }

    List<JobRecord> runningRecords() {
        return jobs.values().stream().filter(t -> t.finishedNanos() == 0).map(Tracked::job).toList();
    }

    /** Oldest first. */
    public List<Job> inFlight() {
        return jobs.values().stream().filter(t -> t.finishedNanos() == 0).map(t -> t.job().toJob())
                .sorted(Comparator.comparing(Job::createdAt)).toList();
    }

    private void forgetOld() {
        long now = System.nanoTime();
        jobs.values().removeIf(t -> t.finishedNanos() != 0 && now - t.finishedNanos() > KEEP_FINISHED_NANOS);
    }
}
