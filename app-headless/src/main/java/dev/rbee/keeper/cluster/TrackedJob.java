package dev.rbee.keeper.cluster;

import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;
import java.time.Duration;
import java.time.Instant;

/**
 * A job as the dashboard follows it: queen's fields, its generation speed measured from successive {@code tokens_out}
 * values, and when keeper last heard of it. {@code job_id}, {@code node}, {@code model}, {@code state},
 * {@code tokens_out}, {@code stop_reason} and {@code error} are queen's; the times queen does not send in {@code job}
 * events ({@code created_at}, {@code started_at}, {@code ended_at}) are filled in when keeper saw the change.
 */
public record TrackedJob(Job job, double tokensPerSecond, Instant seenAt) {

    /** Queen sends a running job's count at most once a second; three seconds of silence means it is not generating. */
    static final Duration STALE_AFTER = Duration.ofSeconds(3);

    /** The speed counts only while the job runs and keeper has heard of it lately. */
    public double tokensPerSecondAt(Instant now) {
        boolean running = JobState.RUNNING.equals(job.state());
        boolean fresh = !now.isAfter(seenAt.plus(STALE_AFTER));
        return running && fresh ? tokensPerSecond : 0;
    }

    /** Time since the job started (or was created, while provisioning), up to its end when it has ended. */
    public Duration elapsedAt(Instant now) {
        String from = job.startedAt() != null ? job.startedAt() : job.createdAt();
        Instant end = job.endedAt() != null ? Instant.parse(job.endedAt()) : now;
        Duration elapsed = Duration.between(Instant.parse(from), end);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
