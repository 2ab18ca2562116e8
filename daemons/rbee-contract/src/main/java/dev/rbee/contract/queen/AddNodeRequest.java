package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /v2/registry/beehives/add} (api.md §5.2); optional fields are omitted when null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AddNodeRequest(
        String nodeName,
        String sshHost,
        Integer sshPort,
        String sshUser,
        String sshKeyPath,
        String installPath,
        Integer hivePort,
        String hiveBind,
        String acceptHostKey) {
    public static final int DEFAULT_SSH_PORT = 22;
    public static final int DEFAULT_HIVE_PORT = 9200;
    public static final String DEFAULT_INSTALL_PATH = "~/rbee";
}
