package dev.rbee.desktop.board;

import dev.rbee.contract.queen.Job;
import dev.rbee.contract.queen.JobState;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The state lines of one job on the board (its text comes from {@link TokenFollow}): the cluster feed carries each
 * job's state and {@code tokens_out} (at most once a second), so this is the line-per-change history of those: states, tokens as they grow, and how it ended. Bounded, like every feed the app
 * keeps in memory.
 */
final class JobStream {
    static final int LIMIT = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Deque<String> lines = new ArrayDeque<>();
    private String lastState;
    private int lastTokens;
    private boolean ended;

    /** Adds a line when the job moved on since the last call; returns whether it did. */
    boolean observe(Job job, Instant at) {
        if (ended || (job.state().equals(lastState) && job.tokensOut() == lastTokens)) {
            return false;
        }
        add(TIME.format(at) + "  " + describe(job));
        lastState = job.state();
        lastTokens = job.tokensOut();
        ended = JobState.isFinished(job.state());
        return true;
    }

    private String describe(Job job) {
        if (JobState.isFinished(job.state())) {
            String why = job.stopReason() != null ? " (" + job.stopReason() + ")"
                    : job.error() != null ? " (" + job.error().code() + ": " + job.error().message() + ")" : "";
            return "ended: " + job.state() + why + " after " + job.tokensOut() + " tokens";
        }
        if (lastState == null || !job.state().equals(lastState)) {
            return job.state() + " · " + job.tokensOut() + " tokens";
        }
        return job.state() + " · " + job.tokensOut() + " tokens (+" + (job.tokensOut() - lastTokens) + ")";
    }

    private void add(String line) {
        lines.addLast(line);
        if (lines.size() > LIMIT) {
            lines.removeFirst();
        }
    }

    boolean ended() {
        return ended;
    }

    String text() {
        return String.join("\n", lines);
    }

    int size() {
        return lines.size();
    }
}
