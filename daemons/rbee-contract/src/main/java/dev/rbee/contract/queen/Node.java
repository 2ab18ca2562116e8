package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A registry row as queen answers it (api.md §5.1). {@code localhost} has null SSH fields. {@code changed} is only
 * present in the answer to {@code update}.
 */
public record Node(
        String nodeName,
        String sshHost,
        Integer sshPort,
        String sshUser,
        String sshKeyPath,
        String installPath,
        Integer hivePort,
        String hiveBind,
        String status,
        Long lastConnectedUnix,
        String lastError,
        List<String> backends,
        Map<String, Integer> devices,
        String installedVersion,
        String hostKeyFingerprint,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> changed) {
    public static final String LOCALHOST = "localhost";

    /** The update answer: this node plus the names of the fields that changed. */
    public Node withChanged(List<String> changedFields) {
        return new Node(nodeName, sshHost, sshPort, sshUser, sshKeyPath, installPath, hivePort, hiveBind, status,
                lastConnectedUnix, lastError, backends, devices, installedVersion, hostKeyFingerprint,
                List.copyOf(changedFields));
    }
}
