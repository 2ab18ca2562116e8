package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /v2/workers/shutdown}: either {@code {worker_id}} or {@code {all:true, node?}}, never both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkersShutdownRequest(String workerId, Boolean all, String node) {

    public static WorkersShutdownRequest one(String workerId) {
        return new WorkersShutdownRequest(workerId, null, null);
    }

    /** All workers, of one node or (node null) of every node. */
    public static WorkersShutdownRequest all(String node) {
        return new WorkersShutdownRequest(null, true, node);
    }

    /** Exactly one of the two forms: an id alone, or {@code all:true} with an optional node. */
    public boolean isWellFormed() {
        if (workerId != null) {
            return all == null && node == null;
        }
        return Boolean.TRUE.equals(all);
    }
}
