package dev.rbee.keeper.cli.setup;

import dev.rbee.keeper.KeeperErrors;
import dev.rbee.keeper.QueenUrl;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The SSH flags shared by add-node and update-node, and keeper's local checks of them (cli.md §6). */
public final class SshOptions {
    @Option(names = "--ssh-host", paramLabel = "<host>", description = "Host name or IP of the node")
    String sshHost;
    @Option(names = "--ssh-port", paramLabel = "<port>", description = "SSH port (default 22)")
    Integer sshPort;
    @Option(names = "--ssh-user", paramLabel = "<user>", description = "SSH user on the node")
    String sshUser;
    @Option(names = "--ssh-key", paramLabel = "<path>",
            description = "Private key on this machine (default: ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa)")
    String sshKey;
    @Option(names = "--install-path", paramLabel = "<path>",
            description = "Where rbee lives on the node; ~/ is the SSH user's home there (default ~/rbee)")
    String installPath;
    @Option(names = "--accept-host-key", paramLabel = "<SHA256:…>",
            description = "Trust this host key fingerprint if the node is not known yet")
    String acceptHostKey;

    /** {@code ~} in {@code --ssh-key} is expanded here, where the key lives; relative paths become absolute. */
    String keyPath(Map<String, String> env) {
        return expandKey(sshKey, env);
    }

    /** A key path from the command line, {@code ~} expanded with {@code $HOME} and made absolute; null stays null. */
    public static String expandKey(String key, Map<String, String> env) {
        if (key == null) {
            return null;
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String expanded = key.equals("~") ? home : key.startsWith("~/") ? home + key.substring(1) : key;
        try {
            return Path.of(expanded).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw KeeperErrors.usage("Invalid key path '" + key + "': " + e.getReason());
        }
    }

    /**
     * Checks made before queen is contacted or started (S008): the port range, and that the key exists and is
     * readable, which only makes sense when queen runs here (loopback URL) and reads the same file.
     */
    void checkLocally(QueenUrl url, Map<String, String> env) {
        checkLocally("--ssh-port", sshPort, keyPath(env), url);
    }

    /** The checks of {@link #checkLocally(QueenUrl, Map)} for flags with other names (config set-ssh). */
    public static void checkLocally(String portFlag, Integer port, String expandedKey, QueenUrl url) {
        if (port != null && (port < 1 || port > 65535)) {
            throw KeeperErrors.usage(portFlag + " must be between 1 and 65535, not " + port);
        }
        if (expandedKey != null && url.isLoopback() && !(Files.isRegularFile(Path.of(expandedKey))
                && Files.isReadable(Path.of(expandedKey)))) {
            throw KeeperErrors.local(KeeperErrors.SSH_KEY_NOT_FOUND, "SSH key not found: " + expandedKey,
                    Map.of("key_path", expandedKey));
        }
    }

    boolean anyGiven() {
        return sshHost != null || sshPort != null || sshUser != null || sshKey != null || installPath != null
                || acceptHostKey != null;
    }
}
