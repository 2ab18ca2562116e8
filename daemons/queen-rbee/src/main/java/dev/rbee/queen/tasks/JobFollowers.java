package dev.rbee.queen.tasks;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;
import dev.rbee.contract.sse.EndEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import dev.rbee.daemon.ClientGoneException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What {@code GET /v2/tasks/{job_id}/stream} serves (docs/decisions.md): every job's relayed events, in memory, while
 * it runs and for {@link #KEEP_ENDED_NANOS} after; a finished job that is still in the {@link JobRegistry} after that
 * is replayed as its terminal event alone.
 */
final class JobFollowers {
    static final int MAX_EVENTS = 20_000;
    static final int FOLLOWER_QUEUE = 4096;
    static final long KEEP_ENDED_NANOS = TimeUnit.MINUTES.toNanos(2);

    private final Map<String, FollowedJob> jobs = new ConcurrentHashMap<>();
    private final Json json;
    private final long keepAliveMillis;
    private final int followerQueue;

    JobFollowers(Json json, long keepAliveMillis, int followerQueue) {
        this.json = json;
        this.keepAliveMillis = keepAliveMillis;
        this.followerQueue = followerQueue;
    }

    /** The submitter's sink, recording every event on its way for the job's followers. */
    TaskSink track(String jobId, TaskSink submitter) {
        forgetOld();
        FollowedJob job = new FollowedJob(MAX_EVENTS, followerQueue, overflowFrame(jobId), keepAliveMillis);
        jobs.put(jobId, job);
        return new FollowingSink(job, submitter);
    }

    /** The job ended; when its caller left before a terminal event, the followers get the job's own outcome. */
    void finished(Job ended) {
        FollowedJob job = jobs.get(ended.jobId());
        if (job != null) {
            job.finish(json.write(terminal(ended)));
        }
    }

    /** The job's record of events, or empty when queen relays nothing for it any more. */
    Optional<FollowedJob> find(String jobId) {
        forgetOld();
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** A job from the registry whose events were already forgotten. */
    FollowedJob endedOnly(Job job) {
        return FollowedJob.endedWith(json.write(terminal(job)), overflowFrame(job.jobId()), keepAliveMillis);
    }

    private void forgetOld() {
        jobs.values().removeIf(job -> job.endedLongerAgoThan(KEEP_ENDED_NANOS));
    }

    private String overflowFrame(String jobId) {
        return json.write(new ErrorEvent(ErrorCode.QUEUE_FULL.name(), "This follower fell " + followerQueue
                + " events behind job " + jobId + " and was disconnected; follow it again to catch up",
                Map.of("job_id", jobId)));
    }

    private static SseEvent terminal(Job job) {
        if (job.error() != null) {
            return new ErrorEvent(job.error().code(), job.error().message(), Map.of("job_id", job.jobId()));
        }
        if (JobState.COMPLETED.equals(job.state()) || JobState.CANCELLED.equals(job.state())) {
            return EndEvent.of(job.tokensOut(), 0, job.stopReason());
        }
        return new ErrorEvent(ErrorCode.INTERNAL_ERROR.name(), "Job " + job.jobId() + " ended without an outcome",
                Map.of("job_id", job.jobId()));
    }

    private static boolean isTerminal(SseEvent event) {
        return event instanceof EndEvent || event instanceof ErrorEvent;
    }

    /** Records first, so followers see an event even when the submitter has just left. */
    private final class FollowingSink implements TaskSink {
        private final FollowedJob job;
        private final TaskSink submitter;

        FollowingSink(FollowedJob job, TaskSink submitter) {
            this.job = job;
            this.submitter = submitter;
        }

        @Override
        public void send(SseEvent event) throws ClientGoneException {
            job.record(json.write(event), isTerminal(event));
            submitter.send(event);
        }

        @Override
        public void relay(SseEvent event, String eventJson) throws ClientGoneException {
            job.record(eventJson, isTerminal(event));
            submitter.relay(event, eventJson);
        }

        @Override
        public void done() throws ClientGoneException {
            submitter.done();
        }

        @Override
        public void keepAliveIfIdle(long idleMillis) throws ClientGoneException {
            submitter.keepAliveIfIdle(idleMillis);
        }
    }
}
