package dev.rbee.desktop.testing;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

/**
 * A node for queen to reach over SSH: Apache MINA SSHD on 127.0.0.1 with its own host key, one authorized client key
 * (written for queen to use, OpenSSH format, mode 0600), commands run by the local shell in {@code dir} as the
 * user's home, and SFTP for queen's install. ECDSA keys, because the JDK makes them without Bouncy Castle.
 */
public final class LoopbackSshNode implements AutoCloseable {
    public static final String USER = "ops";

    private final KeyPair hostKey;
    private final Path clientKeyFile;
    private final SshServer server;

    private LoopbackSshNode(KeyPair hostKey, Path clientKeyFile, SshServer server) {
        this.hostKey = hostKey;
        this.clientKeyFile = clientKeyFile;
        this.server = server;
    }

    /** Starts the server; {@code dir} is the user's home, and the client key is written to {@code dir/id_ecdsa}. */
    public static LoopbackSshNode start(Path dir) throws IOException, GeneralSecurityException {
        KeyPair hostKey = ecdsa();
        KeyPair clientKey = ecdsa();
        Path keyFile = dir.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "rbee-desktop-test", null, out);
        }
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(session -> List.of(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> new NodeShellCommand(command, dir));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.start();
        return new LoopbackSshNode(hostKey, keyFile, server);
    }

    public int port() {
        return server.getPort();
    }

    /** {@code SHA256:…}, as queen shows an unknown host key. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    public Path clientKeyFile() {
        return clientKeyFile;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static KeyPair ecdsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }
}
