package dev.rbee.queen.tasks;

import dev.rbee.contract.sse.SseEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.SseChannel;

/** The task stream of {@code POST /v2/tasks}: every event as it comes, worker events byte for byte. */
final class SseSink implements TaskSink {
    private final SseChannel channel;

    SseSink(SseChannel channel) {
        this.channel = channel;
    }

    @Override
    public void send(SseEvent event) throws ClientGoneException {
        channel.send(event);
    }

    @Override
    public void relay(SseEvent event, String json) throws ClientGoneException {
        channel.sendJson(json);
    }

    @Override
    public void done() throws ClientGoneException {
        channel.done();
    }

    @Override
    public void keepAliveIfIdle(long idleMillis) throws ClientGoneException {
        channel.keepAliveIfIdle(idleMillis);
    }
}
