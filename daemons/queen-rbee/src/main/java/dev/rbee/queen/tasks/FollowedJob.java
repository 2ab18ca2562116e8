package dev.rbee.queen.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The events queen relayed for one job, kept for its followers: the last {@code maxEvents} of them, in order. Every
 * frame is recorded and offered to the followers under this object's lock, and a new follower copies the record
 * under it too, so it sees each event exactly once: in its replay or live.
 */
final class FollowedJob {
    private final Deque<String> events = new ArrayDeque<>();
    private final List<JobFollower> followers = new ArrayList<>();
    private final int maxEvents;
    private final int followerCapacity;
    private final String overflowFrame;
    private final long keepAliveMillis;
    private boolean ended;
    private long endedNanos;

    FollowedJob(int maxEvents, int followerCapacity, String overflowFrame, long keepAliveMillis) {
        this.maxEvents = maxEvents;
        this.followerCapacity = followerCapacity;
        this.overflowFrame = overflowFrame;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** A job that is only known from the registry any more: its terminal event is all there is to replay. */
    static FollowedJob endedWith(String terminalFrame, String overflowFrame, long keepAliveMillis) {
        FollowedJob job = new FollowedJob(1, 1, overflowFrame, keepAliveMillis);
        job.record(terminalFrame, true);
        return job;
    }

    /** One relayed event; a terminal one ({@code end}, {@code error}) closes every follower after it. */
    synchronized void record(String frame, boolean terminal) {
        if (ended) {
            return;
        }
        if (events.size() == maxEvents) {
            events.removeFirst();
        }
        events.addLast(frame);
        followers.forEach(f -> f.offer(frame));
        followers.removeIf(JobFollower::overflowed);
        if (terminal) {
            end();
        }
    }

    /** The job is over; {@code terminalFrame} (may be null) is recorded first when no terminal event was. */
    synchronized void finish(String terminalFrame) {
        if (!ended && terminalFrame != null) {
            record(terminalFrame, true);
        }
        end();
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        endedNanos = System.nanoTime();
        followers.forEach(JobFollower::end);
        followers.clear();
    }

    synchronized JobFollower follow() {
        JobFollower follower = new JobFollower(List.copyOf(events), followerCapacity, overflowFrame,
                keepAliveMillis);
        if (ended) {
            follower.end();
        } else {
            followers.add(follower);
        }
        return follower;
    }

    synchronized void unfollow(JobFollower follower) {
        followers.remove(follower);
    }

    synchronized boolean endedLongerAgoThan(long nanos) {
        return ended && System.nanoTime() - endedNanos > nanos;
    }
}
