package dev.rbee.keeper.nodes;

import dev.rbee.contract.error.RbeeException;

import java.util.Locale;
import java.util.Optional;

/**
 * What queen's 409 HOST_KEY_UNKNOWN offers to confirm (api.md §5.2 step 3): the CLI asks it on a terminal, the
 * desktop app in a dialog; accepting resends the same request with {@link #fingerprint()} as
 * {@code accept_host_key}.
 */
public record HostKeyQuestion(String host, String port, String keyType, String fingerprint) {

    /** The question in {@code e}, or empty when it is another error or carries no fingerprint. */
    public static Optional<HostKeyQuestion> of(RbeeException e) {
        if (!"HOST_KEY_UNKNOWN".equals(e.code()) || !(e.details().get("fingerprint") instanceof String fingerprint)) {
            return Optional.empty();
        }
        return Optional.of(new HostKeyQuestion(String.valueOf(e.details().get("host")),
                String.valueOf(e.details().get("port")), String.valueOf(e.details().get("key_type")), fingerprint));
    }

    /** OpenSSH's two lines: "The authenticity of host … can't be established." and the key fingerprint. */
    public String authenticityLine() {
        return "The authenticity of host '" + host + ":" + port + "' can't be established.";
    }

    public String fingerprintLine() {
        return keyTypeName(keyType) + " key fingerprint is " + fingerprint + ".";
    }

    /** {@code ssh-ed25519} → {@code ED25519}, as OpenSSH names key types in this message. */
    public static String keyTypeName(String sshName) {
        if (sshName.startsWith("ssh-")) {
            return sshName.substring(4).toUpperCase(Locale.ROOT);
        }
        return sshName.startsWith("ecdsa") ? "ECDSA" : sshName.toUpperCase(Locale.ROOT);
    }
}
