package dev.rbee.contract.queen;

import java.util.List;

/** {@code POST /v2/nodes/{name}/hive/stop}; not running → {@code stopped:false}. */
public record HiveStopResponse(String node, boolean stopped, int workers, List<ForceKilled> forceKilled) {
}
