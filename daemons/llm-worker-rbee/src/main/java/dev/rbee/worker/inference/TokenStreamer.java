package dev.rbee.worker.inference;

import dev.rbee.contract.sse.TokenEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.SseChannel;
import dev.rbee.engine.TokenSink;
import java.util.concurrent.atomic.AtomicBoolean;

/** Sends each token as it is sampled, numbering them without gaps; a gone client cancels the job. */
final class TokenStreamer implements TokenSink {
    private final SseChannel channel;
    private final AtomicBoolean cancelled;
    private final Runnable clientGone;
    private final long delayMillis;
    private int index;

    /** {@code delayMillis} &gt; 0 only under the test hook {@code worker.token_delay_ms}: it imitates a slow model. */
    TokenStreamer(SseChannel channel, AtomicBoolean cancelled, Runnable clientGone, long delayMillis) {
        this.channel = channel;
        this.cancelled = cancelled;
        this.clientGone = clientGone;
        this.delayMillis = delayMillis;
    }

    @Override
    public void token(String text) {
        if (cancelled.get() && !channel.isOpen()) {
            return;
        }
        pause();
        try {
            channel.send(new TokenEvent(text, index++));
        } catch (ClientGoneException e) {
            clientGone.run();
        }
    }

    private void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled.set(true);
            }
        }
    }
}
