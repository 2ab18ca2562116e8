package dev.rbee.queen.ssh;

import java.nio.file.Path;

/**
 * Where and as whom queen connects: {@code keyPath} null means the default keys of queen's user;
 * {@code acceptHostKey} is the fingerprint a client confirmed for an unknown host (null when none).
 */
public record SshTarget(String host, int port, String user, Path keyPath, String acceptHostKey) {

    public String hostPort() {
        return host + ":" + port;
    }

    public SshTarget withAcceptHostKey(String fingerprint) {
        return new SshTarget(host, port, user, keyPath, fingerprint);
    }
}
