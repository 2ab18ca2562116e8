package dev.rbee.contract.hive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * 202 once the worker answers {@code GET /health}; loading continues in the worker. {@code narration} carries what
 * the hive's preflight found ({@code ✅ RAM check: need 60.0 MB, have 80.0 MB}, {@code Selected CUDA device 0 ...}),
 * in order, for queen to relay as {@code narration} events of actor {@code rbee-hive}; absent when empty.
 */
public record HiveSpawnResponse(String workerId, String url, String state, String backend, int device, int port,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> narration) {

    public HiveSpawnResponse {
        narration = narration == null ? List.of() : List.copyOf(narration);
    }
}
