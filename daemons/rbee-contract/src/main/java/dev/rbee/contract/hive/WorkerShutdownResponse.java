package dev.rbee.contract.hive;

/** 202 {@code {worker_id, state:"draining"}}. */
public record WorkerShutdownResponse(String workerId, String state) {
}
