package dev.rbee.queen.ssh;

import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** Fingerprints and type names of host keys in the forms OpenSSH prints them. */
public final class HostKeys {
    private HostKeys() {
    }

    /** {@code SHA256:<base64 without padding>} of the key's SSH wire encoding, as {@code ssh-keygen -lf} prints. */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(KeyUtils.getDefaultFingerPrintFactory(), key);
    }

    /** The SSH name of the key type, e.g. {@code ssh-ed25519}, {@code ssh-rsa}. */
    public static String type(PublicKey key) {
        return KeyUtils.getKeyType(key);
    }

    /** {@code ssh-ed25519 AAAA…}: the key part of a known_hosts line. */
    public static String openSshText(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }
}
