package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rbee.contract.hive.Backend;

import java.util.List;

/**
 * Queen's view of a node's hive (api.md §5.3); stopped hives have null url/version/pid/…. {@code already_running}
 * is only present in the answer to {@code hive/start}.
 */
public record HiveStatus(
        String node,
        boolean running,
        String state,
        String url,
        String version,
        Long pid,
        String lastHeartbeatAt,
        List<Backend> backends,
        HeartbeatResources resources,
        int workers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean alreadyRunning) {

    public static HiveStatus stopped(String node) {
        return new HiveStatus(node, false, HiveState.STOPPED, null, null, null, null, null, null, 0, null);
    }

    public HiveStatus withLastHeartbeatAt(String at) {
        return new HiveStatus(node, running, state, url, version, pid, at, backends, resources, workers,
                alreadyRunning);
    }

    public HiveStatus withAlreadyRunning(boolean value) {
        return new HiveStatus(node, running, state, url, version, pid, lastHeartbeatAt, backends, resources, workers,
                value);
    }
}
