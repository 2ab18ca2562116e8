package dev.rbee.contract.queen;

/** {@code accepted:false} when the heartbeat's {@code seq} was not newer than the last applied one. */
public record WorkerHeartbeatResponse(boolean accepted) {
}
