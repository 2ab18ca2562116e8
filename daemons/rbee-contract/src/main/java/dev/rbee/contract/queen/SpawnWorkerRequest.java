package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /v2/workers/spawn} (api.md §5.4); absent fields take the server's defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpawnWorkerRequest(String node, String model, String backend, Integer device, Integer slots) {
    public static final int DEFAULT_SLOTS = 1;
    public static final int MAX_SLOTS = 16;
}
