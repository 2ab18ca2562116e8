package dev.rbee.contract.queen;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/** {@code POST /v2/registry/beehives/update}: {@code node_name} plus at least one other field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateNodeRequest(
        String nodeName,
        String sshHost,
        Integer sshPort,
        String sshUser,
        String sshKeyPath,
        String installPath,
        Integer hivePort,
        String hiveBind,
        String acceptHostKey) {

    /** Wire names of the fields given besides {@code node_name}; empty means "Nothing to update". */
    public List<String> givenFields() {
        List<String> given = new ArrayList<>();
        addIf(given, sshHost, "ssh_host");
        addIf(given, sshPort, "ssh_port");
        addIf(given, sshUser, "ssh_user");
        addIf(given, sshKeyPath, "ssh_key_path");
        addIf(given, installPath, "install_path");
        addIf(given, hivePort, "hive_port");
        addIf(given, hiveBind, "hive_bind");
        addIf(given, acceptHostKey, "accept_host_key");
        return given;
    }

    private static void addIf(List<String> given, Object value, String name) {
        if (value != null) {
            given.add(name);
        }
    }
}
