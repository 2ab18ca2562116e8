package dev.rbee.contract.hive;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /v1/workers/spawn} (api.md §6.2); absent fields take the hive's defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HiveSpawnRequest(String modelRef, String backend, Integer device, Integer slots) {
}
