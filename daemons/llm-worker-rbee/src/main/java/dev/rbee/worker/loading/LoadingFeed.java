package dev.rbee.worker.loading;

import dev.rbee.contract.sse.SseEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The loading events produced so far plus the terminal one once known; every {@code /v1/loading/progress} subscriber
 * replays it from the start, so a late subscriber still sees {@code ready} (api.md §7.1).
 */
public final class LoadingFeed {
    private final List<SseEvent> events = new ArrayList<>();
    private boolean finished;

    public synchronized void add(SseEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized void finish(SseEvent terminal) {
        events.add(terminal);
        finished = true;
        notifyAll();
    }

    /**
     * Events from index {@code from} on, waiting up to {@code waitMillis} when there are none yet; an empty list means
     * nothing new arrived in that time.
     */
    public synchronized List<SseEvent> since(int from, long waitMillis) throws InterruptedException {
        if (from >= events.size() && !finished) {
            wait(waitMillis);
        }
        return from >= events.size() ? List.of() : List.copyOf(events.subList(from, events.size()));
    }

    /** The index of the terminal event once loading has ended. */
    public synchronized java.util.OptionalInt terminalIndexIfFinished() {
        return finished ? java.util.OptionalInt.of(events.size() - 1) : java.util.OptionalInt.empty();
    }

    public synchronized boolean isFinishedAt(int index) {
        return finished && index >= events.size();
    }
}
