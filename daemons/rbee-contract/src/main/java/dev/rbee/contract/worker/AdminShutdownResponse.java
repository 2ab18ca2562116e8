package dev.rbee.contract.worker;

/** 202 {@code {"state":"draining","active_jobs":n}}. */
public record AdminShutdownResponse(String state, int activeJobs) {
}
