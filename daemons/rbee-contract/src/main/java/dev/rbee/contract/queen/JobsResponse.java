package dev.rbee.contract.queen;

import java.util.List;

/** {@code GET /v2/tasks}: jobs in flight, oldest first. */
public record JobsResponse(List<Job> jobs) {
}
