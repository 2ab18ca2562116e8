package dev.rbee.contract.queen;

/** The hive shuts down when no 2xx arrives for {@code lease_ms}. */
public record HiveHeartbeatResponse(long leaseMs) {
    public static final long DEFAULT_LEASE_MS = 15_000;
}
