package dev.rbee.keeper.sshconfig;

/**
 * What an OpenSSH config says about one {@code Host} alias. {@code identityFile} is the first {@code IdentityFile}
 * as written (for showing), {@code keyPath} the same expanded to an absolute local path; both null mean ssh-agent and
 * the default keys. {@code port} is null when {@code problem} says why the config's value is unusable.
 */
public record SshHost(String alias, String hostName, Integer port, String user, String identityFile, String keyPath,
                      String problem) {

    /** {@code ops@workstation.home.arpa:22}. */
    public String destination() {
        return user + "@" + hostName + ":" + port;
    }

    /** The key as written, or {@code (agent/default)} as {@code config list-nodes} shows a node without one. */
    public String keyShown() {
        return identityFile == null ? "(agent/default)" : identityFile;
    }
}
