package dev.rbee.contract.queen;

/** The resources part of a hive heartbeat, also shown in a hive status. */
public record HeartbeatResources(long ramAvailableBytes, long diskAvailableBytes) {
}
