package dev.rbee.keeper.cluster;

/** What a {@link ClusterWatcher} hands its listener: the newest cluster state and the connection it came over. */
public record ClusterUpdate(ClusterState state, ConnectionState connection) {
}
