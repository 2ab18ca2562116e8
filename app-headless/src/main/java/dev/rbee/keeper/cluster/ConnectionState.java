package dev.rbee.keeper.cluster;

/**
 * How a {@link ClusterWatcher} stands with queen's event stream. {@code reason} is set only when
 * {@link Phase#DISCONNECTED}; {@code attempts} counts the reconnects tried since the stream was last up, so a view can
 * say "reconnecting (3)" without the banner flickering through CONNECTING on every try.
 */
public record ConnectionState(Phase phase, String reason, int attempts) {

    public enum Phase { CONNECTING, CONNECTED, DISCONNECTED }

    public static final ConnectionState CONNECTING = new ConnectionState(Phase.CONNECTING, null, 0);
    public static final ConnectionState CONNECTED = new ConnectionState(Phase.CONNECTED, null, 0);

    public static ConnectionState disconnected(String reason, int attempts) {
        return new ConnectionState(Phase.DISCONNECTED, reason, attempts);
    }

    public boolean connected() {
        return phase == Phase.CONNECTED;
    }
}
