package dev.rbee.queen.tasks;

import dev.rbee.daemon.ClientGoneException;
import dev.rbee.queen.events.EventSink;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One watcher of {@code GET /v2/tasks/{job_id}/stream}: the job's events so far, then the live ones. The relay only
 * puts frames on a bounded queue and never writes, so a follower that reads slowly holds up nobody but itself; one
 * that falls a whole queue behind gets a final {@code error} event instead of the frames it missed, and ends.
 */
public final class JobFollower {
    /** Queue markers, compared by identity. */
    private static final String END = new String("[DONE]");
    private static final String OVERFLOW = new String("overflow");

    private final List<String> replay;
    private final BlockingQueue<String> live;
    private final int capacity;
    private final String overflowFrame;
    private final long keepAliveMillis;
    private volatile boolean overflowed;

    JobFollower(List<String> replay, int capacity, String overflowFrame, long keepAliveMillis) {
        this.replay = replay;
        this.capacity = capacity;
        this.live = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for the closing marker
        this.overflowFrame = overflowFrame;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Never blocks; called by the relay, one frame at a time. */
    void offer(String frame) {
        if (overflowed) {
            return;
        }
        if (live.size() >= capacity || !live.offer(frame)) {
            overflowed = true;
            live.clear();
            live.offer(OVERFLOW);
        }
    }

    /** The job is over: what is queued still goes out, then {@code [DONE]}. */
    void end() {
        if (!overflowed) {
            live.offer(END);
        }
    }

    boolean overflowed() {
        return overflowed;
    }

    /** Writes the replay, then live frames with a keep-alive when idle; returns after {@code [DONE]}. */
    public void run(EventSink sink) throws ClientGoneException, InterruptedException {
        for (String frame : replay) {
            sink.data(frame);
        }
        while (true) {
            String frame = live.poll(keepAliveMillis, TimeUnit.MILLISECONDS);
            if (frame == null) {
                sink.keepAlive();
            } else if (frame == END) {
                sink.done();
                return;
            } else if (frame == OVERFLOW) {
                sink.data(overflowFrame);
                sink.done();
                return;
            } else {
                sink.data(frame);
            }
        }
    }
}
