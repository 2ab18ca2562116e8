package dev.rbee.keeper.cli;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.keeper.KeeperErrors;
import java.util.List;
import java.util.Map;

/** Detail lines and {@code 💡} hints of the node and SSH errors (cli.md §6, §6.1). */
final class SetupErrors {
    private SetupErrors() {
    }

    static List<String> detailLines(RbeeException e) {
        Map<String, Object> d = e.details();
        return switch (e.code()) {
            case "HOST_KEY_UNKNOWN" -> d.get("fingerprint") != null && e.getMessage().endsWith("is not known")
                    ? List.of("Fingerprint: " + d.get("fingerprint")) : List.of();
            case "HOST_KEY_MISMATCH" -> List.of("Known: " + d.get("expected"), "Offered: " + d.get("offered"),
                    "Someone may be intercepting the connection, or the host was reinstalled.");
            case "SSH_AUTH_FAILED" -> d.get("permissions") != null
                    ? List.of("Permissions " + d.get("permissions") + " for '" + d.get("key_path") + "' are too open")
                    : List.of();
            default -> List.of();
        };
    }

    static List<String> suggestions(String code, Map<String, Object> d, String node) {
        String host = String.valueOf(d.get("host"));
        return switch (code) {
            case "NODE_ALREADY_EXISTS" -> "localhost".equals(node) ? List.of()
                    : List.of("Change it: rbee-keeper setup update-node --name " + node + " ...",
                    "Or remove it first: rbee-keeper setup remove-node --name " + node);
            case "CONNECTION_TIMEOUT" -> List.of("Check network connectivity: ping " + host);
            case "SSH_CONNECTION_FAILED" -> List.of("Check that sshd runs on " + host + " and listens on port "
                    + d.get("port"));
            case "SSH_AUTH_FAILED" -> List.of("Fix key permissions: chmod 600 " + d.get("key_path"),
                    "Authorize the key: ssh-copy-id -i " + d.get("key_path") + ".pub " + d.get("user") + "@" + host,
                    "Check loaded agent keys: ssh-add -l");
            case "HOST_KEY_UNKNOWN" -> List.of("Verify the fingerprint on the node (ssh-keygen -lf "
                    + "/etc/ssh/ssh_host_ed25519_key.pub), then re-run with --accept-host-key " + d.get("fingerprint"));
            case "HOST_KEY_MISMATCH" -> List.of("If the host was reinstalled, delete its line from "
                    + d.get("known_hosts_path") + " and run the command again");
            case "HIVE_NOT_INSTALLED" -> List.of("Install it: rbee-keeper setup install --node " + node);
            case "JAVA_NOT_FOUND" -> List.of("Install a Java 25 runtime on " + node + " (for example Eclipse Temurin 25)"
                    + " so that 'java -version' reports 25 for user " + d.getOrDefault("user", "<user>"));
            case "INSTALL_FAILED" -> List.of("Re-run: rbee-keeper setup install --node " + node);
            case KeeperErrors.SSH_KEY_NOT_FOUND ->
                    List.of("Check the path, or omit --ssh-key to use ssh-agent and ~/.ssh/id_ed25519");
            default -> List.of();
        };
    }
}
