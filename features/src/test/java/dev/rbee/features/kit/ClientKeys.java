package dev.rbee.features.kit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** A passphrase-less ed25519 key pair for queen to offer, written in OpenSSH format with mode 0600. */
public final class ClientKeys {
    private ClientKeys() {
    }

    public static KeyPair write(Path file) {
        KeyPair pair = EmbeddedSshServer.newEd25519();
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "rbee-scenario", null, out);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return pair;
    }
}
