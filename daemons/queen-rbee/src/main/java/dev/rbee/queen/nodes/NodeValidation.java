package dev.rbee.queen.nodes;

import dev.rbee.contract.error.Component;
import dev.rbee.contract.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The field rules of api.md §5.2 for add and update; every failing field is reported at once. */
final class NodeValidation {
    static final Pattern NODE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final Pattern SSH_USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");
    /** Host names and IPs: no whitespace, NUL or newline (they would end up in commands and known_hosts). */
    static final Pattern HOST = Pattern.compile("[^\\s\\x00]+");
    /** Absolute, {@code ~} or {@code ~/…} (the SSH user's home on the node); never NUL or a line break. */
    static final Pattern INSTALL_PATH = Pattern.compile("(/|~/|~$)[^\\x00\\n\\r]*");
    static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{1,100}={0,2}");
    private static final int MAX_PATH = 4096;
    private static final int MAX_HOST = 253;

    private NodeValidation() {
    }

    /** Fields shared by add and update; null values are "not given". */
    record Fields(String sshHost, Integer sshPort, String sshUser, String sshKeyPath, String installPath,
                  Integer hivePort, String hiveBind, String acceptHostKey) {
    }

    static Validator check(String nodeName, Fields f) {
        Validator v = new Validator();
        if (v.required("node_name", nodeName)) {
            v.pattern("node_name", nodeName, NODE_NAME);
        }
        host(v, "ssh_host", f.sshHost());
        v.range("ssh_port", f.sshPort(), 1, 65535);
        v.pattern("ssh_user", f.sshUser(), SSH_USER);
        keyPath(v, f.sshKeyPath());
        if (v.length("install_path", f.installPath(), 1, MAX_PATH)) {
            v.pattern("install_path", f.installPath(), INSTALL_PATH);
        }
        v.range("hive_port", f.hivePort(), 1, 65535);
        host(v, "hive_bind", f.hiveBind());
        v.pattern("accept_host_key", f.acceptHostKey(), FINGERPRINT);
        return v;
    }

    static void add(String nodeName, Fields f) {
        Validator v = check(nodeName, f);
        v.required("ssh_host", f.sshHost());
        v.required("ssh_user", f.sshUser());
        v.throwIfInvalid(Component.QUEEN);
    }

    private static void host(Validator v, String field, String value) {
        if (v.length(field, value, 1, MAX_HOST)) {
            v.pattern(field, value, HOST);
        }
    }

    private static void keyPath(Validator v, String value) {
        if (value == null || !v.length("ssh_key_path", value, 1, MAX_PATH)) {
            return;
        }
        if (value.indexOf('\0') >= 0 || !value.startsWith("/")) {
            v.fail("ssh_key_path", "absolute_path", "ssh_key_path must be an absolute path on queen's machine",
                    value.indexOf('\0') >= 0 ? null : value);
            return;
        }
        if (!Files.isRegularFile(Path.of(value))) {
            v.fail("ssh_key_path", "file_exists", "SSH key not found: " + value, value);
        }
    }
}
