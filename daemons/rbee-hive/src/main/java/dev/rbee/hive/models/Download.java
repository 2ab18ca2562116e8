package dev.rbee.hive.models;

import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.ErrorEvent;
import dev.rbee.contract.sse.SseEvent;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One download as its progress streams see it. A new subscriber of a running download first gets its narration so far
 * and the latest {@code downloading} event (where it stands); of a finished one, just the terminal event (api.md
 * §6.1). Then every later event.
 */
public final class Download {
    private final String id;
    private final String key;
    private final String modelRef;
    private final List<BlockingQueue<SseEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final List<SseEvent> narration = new java.util.ArrayList<>();
    private DownloadingEvent lastProgress;
    private SseEvent terminal;

    public Download(String id, String key, String modelRef) {
        this.id = id;
        this.key = key;
        this.modelRef = modelRef;
    }

    public String id() {
        return id;
    }

    /** What concurrent requests share: the resolved ref of the file. */
    public String key() {
        return key;
    }

    public String modelRef() {
        return modelRef;
    }

    public synchronized void publish(SseEvent event) {
        if (terminal != null) {
            return;
        }
        if (event instanceof DownloadingEvent progress) {
            lastProgress = progress;
        } else if (!isTerminal(event)) {
            narration.add(event);
        }
        if (isTerminal(event)) {
            terminal = event;
        }
        subscribers.forEach(q -> q.add(event));
        notifyAll();
    }

    public synchronized BlockingQueue<SseEvent> subscribe() {
        BlockingQueue<SseEvent> queue = new LinkedBlockingQueue<>();
        if (terminal != null) {
            queue.add(terminal);
        } else {
            queue.addAll(narration); // what happened so far (resume, retries), then where the bytes stand
            if (lastProgress != null) {
                queue.add(lastProgress);
            }
        }
        subscribers.add(queue);
        return queue;
    }

    public void unsubscribe(BlockingQueue<SseEvent> queue) {
        subscribers.remove(queue);
    }

    public synchronized boolean finished() {
        return terminal != null;
    }

    /** The terminal event, waiting up to {@code millis}; null if the download is still running. */
    public synchronized SseEvent awaitTerminal(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (terminal == null) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return terminal;
    }

    public static boolean isTerminal(SseEvent event) {
        return event instanceof CompleteEvent || event instanceof ErrorEvent;
    }
}
