package dev.rbee.queen.events;

import dev.rbee.daemon.ClientGoneException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Records what a subscriber writes; can be made to block in every write, like a client that never reads. */
final class RecordingSink implements EventSink {
    static final String KEEP_ALIVE = ":keep-alive";
    static final String DONE = "[DONE]";

    private final List<String> written = new ArrayList<>();
    private final CountDownLatch unblock = new CountDownLatch(1);
    private final boolean blocking;
    private volatile boolean aborted;

    RecordingSink(boolean blocking) {
        this.blocking = blocking;
    }

    @Override
    public void data(String json) throws ClientGoneException {
        write(json);
    }

    @Override
    public void keepAlive() throws ClientGoneException {
        write(KEEP_ALIVE);
    }

    @Override
    public void done() throws ClientGoneException {
        write(DONE);
    }

    @Override
    public void abort() {
        aborted = true;
        unblock.countDown();
    }

    boolean aborted() {
        return aborted;
    }

    synchronized List<String> written() {
        return List.copyOf(written);
    }

    private void write(String frame) throws ClientGoneException {
        if (blocking) {
            try {
                unblock.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (aborted) {
            throw new ClientGoneException(null);
        }
        synchronized (this) {
            written.add(frame);
        }
    }
}
