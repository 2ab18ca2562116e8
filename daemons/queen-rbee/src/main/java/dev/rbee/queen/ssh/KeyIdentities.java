package dev.rbee.queen.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The key pairs queen offers (api.md §5.2 step 4): the node's {@code ssh_key_path}, or else queen's user's
 * {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}. Passphrase-less OpenSSH and PEM keys; a file that
 * group or others may read is refused, as OpenSSH refuses it.
 */
final class KeyIdentities {
    static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /** What authentication offers, and the path the error message names. */
    record Loaded(String label, List<KeyPair> keys) {
    }

    private KeyIdentities() {
    }

    static Loaded load(SshTarget target, Path userHome) {
        if (target.keyPath() != null) {
            return new Loaded(target.keyPath().toString(), loadOne(target, target.keyPath()));
        }
        List<KeyPair> keys = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        for (String name : DEFAULT_KEYS) {
            Path candidate = userHome.resolve(".ssh").resolve(name);
            if (Files.isRegularFile(candidate)) {
                tried.add(candidate.toString());
                keys.addAll(loadOne(target, candidate));
            }
        }
        if (keys.isEmpty()) {
            throw SshErrors.authFailed(target, userHome.resolve(".ssh").resolve(DEFAULT_KEYS.getFirst()).toString(),
                    "no usable key (no ssh_key_path and none of ~/.ssh/" + String.join(", ", DEFAULT_KEYS)
                            + " exists)", null);
        }
        return new Loaded(String.join(", ", tried), keys);
    }

    private static List<KeyPair> loadOne(SshTarget target, Path file) {
        String label = file.toString();
        try {
            var open = Permissions.tooOpen(file);
            if (open.isPresent()) {
                throw SshErrors.authFailed(target, label, "key permissions too open", open.get());
            }
            List<KeyPair> keys = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(label),
                        in, null);
                if (loaded != null) {
                    loaded.forEach(keys::add);
                }
            }
            if (keys.isEmpty()) {
                throw SshErrors.authFailed(target, label, "unusable key file: no key found in it", null);
            }
            return keys;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof dev.rbee.contract.error.RbeeException rbee) {
                throw rbee;
            }
            throw SshErrors.authFailed(target, label, "unusable key file: " + e.getMessage(), null);
        }
    }
}
