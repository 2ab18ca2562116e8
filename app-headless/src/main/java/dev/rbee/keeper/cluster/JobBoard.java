package dev.rbee.keeper.cluster;

import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;
import dev.rbee.contract.sse.JobEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jobs in flight (oldest first) and the most recent finished ones (newest first). Immutable; every change returns a
 * new board.
 */
public record JobBoard(Map<String, TrackedJob> active, List<TrackedJob> recent) {

    /** Enough finished jobs for the overview and the live board's history without growing for ever. */
    public static final int RECENT_LIMIT = 50;

    public JobBoard {
        active = Collections.unmodifiableMap(new LinkedHashMap<>(active));
        recent = List.copyOf(recent);
    }

    /** From a snapshot: queen lists only jobs in flight, so there is no history yet. */
    static JobBoard of(List<Job> jobs, Instant at) {
        Map<String, TrackedJob> active = new LinkedHashMap<>();
        for (Job job : jobs) {
            active.put(job.jobId(), new TrackedJob(job, 0, at));
        }
        return new JobBoard(active, List.of());
    }

    /** Sum of the speeds of the jobs generating now. */
    public double tokensPerSecondAt(Instant now) {
        return active.values().stream().mapToDouble(j -> j.tokensPerSecondAt(now)).sum();
    }

    JobBoard apply(JobEvent event, Instant at) {
        if (finishedAlready(event.jobId())) {
            return this; // A finished job never runs again; a late event for it changes nothing.
        }
        TrackedJob before = active.get(event.jobId());
        TrackedJob after = new TrackedJob(merge(before, event, at), speed(before, event, at), at);
        Map<String, TrackedJob> nextActive = new LinkedHashMap<>(active);
        if (!JobState.isFinished(event.state())) {
            nextActive.put(event.jobId(), after);
            return new JobBoard(nextActive, recent);
        }
        nextActive.remove(event.jobId());
        List<TrackedJob> nextRecent = new ArrayList<>(RECENT_LIMIT);
        nextRecent.add(new TrackedJob(after.job(), 0, at));
        nextRecent.addAll(recent.subList(0, Math.min(recent.size(), RECENT_LIMIT - 1)));
        return new JobBoard(nextActive, nextRecent);
    }

    private boolean finishedAlready(String jobId) {
        return recent.stream().anyMatch(j -> j.job().jobId().equals(jobId));
    }

    private static Job merge(TrackedJob before, JobEvent e, Instant at) {
        Job old = before == null ? null : before.job();
        String now = at.toString();
        String created = old != null && old.createdAt() != null ? old.createdAt() : now;
        String started = old != null && old.startedAt() != null ? old.startedAt()
                : JobState.PROVISIONING.equals(e.state()) ? null : now;
        String ended = JobState.isFinished(e.state()) ? now : null;
        String workerId = e.workerId() != null ? e.workerId() : old == null ? null : old.workerId();
        return new Job(e.jobId(), e.node(), e.model(), workerId, e.state(), e.tokensOut(), created, started, ended,
                e.stopReason(), e.error());
    }

    /** Tokens since the previous event over the time between them; kept when no time has passed (same instant). */
    private static double speed(TrackedJob before, JobEvent e, Instant at) {
        if (before == null) {
            return 0;
        }
        Duration between = Duration.between(before.seenAt(), at);
        int tokens = e.tokensOut() - before.job().tokensOut();
        if (between.isZero() || between.isNegative()) {
            return before.tokensPerSecond();
        }
        return Math.max(0, tokens) / (between.toNanos() / 1e9);
    }
}
