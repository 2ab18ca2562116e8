package dev.rbee.queen.events;

import dev.rbee.daemon.ClientGoneException;
import dev.rbee.daemon.SseChannel;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * An {@link EventSink} on the SSE response. It holds the connection's Jetty end point because closing it is the only
 * way to fail a write that is blocked on a client that never reads; its idle timeout is raised above the 60 s that
 * queen itself allows such a client, so Jetty does not cut it earlier.
 */
public final class ChannelSink implements EventSink {
    private static final long IDLE_TIMEOUT_MS = 90_000;

    private final SseChannel channel;
    private final EndPoint endPoint;

    private ChannelSink(SseChannel channel, EndPoint endPoint) {
        this.channel = channel;
        this.endPoint = endPoint;
    }

    public static ChannelSink open(Context ctx, SseChannel channel) {
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint();
        endPoint.setIdleTimeout(IDLE_TIMEOUT_MS);
        return new ChannelSink(channel, endPoint);
    }

    @Override
    public void data(String json) throws ClientGoneException {
        channel.sendJson(json);
    }

    @Override
    public void keepAlive() throws ClientGoneException {
        channel.keepAlive();
    }

    @Override
    public void done() throws ClientGoneException {
        channel.done();
    }

    @Override
    public void abort() {
        endPoint.close();
    }
}
