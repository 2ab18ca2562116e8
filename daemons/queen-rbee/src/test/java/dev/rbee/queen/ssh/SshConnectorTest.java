package dev.rbee.queen.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.error.RbeeException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH steps of api.md §5.2 against a real MINA server on loopback. */
class SshConnectorTest {
    @TempDir
    Path dir;
    private SshServer server;
    private final AtomicReference<KeyPair> hostKey = new AtomicReference<>();
    private final List<String> authAttempts = new CopyOnWriteArrayList<>();
    private KeyPair clientKey;
    private Path keyFile;
    private SshConnector connector;

    @BeforeEach
    void start() throws Exception {
        hostKey.set(KnownHostsTest.ed25519());
        clientKey = KnownHostsTest.ed25519();
        keyFile = writeKey(clientKey, "id_ed25519");
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(session -> List.of(hostKey.get()));
        server.setPublickeyAuthenticator((user, key, session) -> {
            authAttempts.add(user);
            return "ops".equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic());
        });
        server.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        server.start();
        connector = new SshConnector(new KnownHosts(dir.resolve("known_hosts")), Duration.ofSeconds(10), dir);
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        server.stop(true);
    }

    private Path writeKey(KeyPair pair, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test", null, out);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private SshTarget target(String accept) {
        return new SshTarget("127.0.0.1", server.getPort(), "ops", keyFile, accept);
    }

    private String fp() {
        return HostKeys.fingerprint(hostKey.get().getPublic());
    }

    @Test
    void anUnknownHostKeyIsRefusedBeforeAuthentication() {
        RbeeException e = assertThrows(RbeeException.class, () -> connector.connect(target(null)));
        assertEquals("HOST_KEY_UNKNOWN", e.code());
        assertEquals("Host key of 127.0.0.1:" + server.getPort() + " is not known", e.getMessage());
        assertEquals(fp(), e.details().get("fingerprint"));
        assertEquals("ssh-ed25519", e.details().get("key_type"));
        assertEquals(dir.resolve("known_hosts").toString(), e.details().get("known_hosts_path"));
        assertTrue(authAttempts.isEmpty(), "auth attempts: " + authAttempts);
        assertTrue(Files.notExists(dir.resolve("known_hosts")));
    }

    @Test
    void anAcceptedKeyIsStoredAndTheRoundTripRuns() throws Exception {
        try (SshLink link = connector.connect(target(fp()))) {
            SshLink.Result r = link.exec("echo rbee-ssh-ok; printf '%s\\n' \"$HOME\"", Duration.ofSeconds(10));
            assertTrue(r.stdout().startsWith("rbee-ssh-ok\n/"), r.stdout());
            assertEquals(0, r.exitCode());
            assertEquals(fp(), link.hostKeyFingerprint());
        }
        assertEquals(1, connector.knownHosts().keysFor("127.0.0.1", server.getPort()).size());
        // Known now: no accept needed any more.
        connector.connect(target(null)).close();
    }

    @Test
    void aDifferentAcceptedFingerprintIsRefused() {
        RbeeException e = assertThrows(RbeeException.class, () -> connector.connect(target("SHA256:AAAA")));
        assertEquals("HOST_KEY_UNKNOWN", e.code());
        assertEquals("Host key of 127.0.0.1:" + server.getPort() + " is " + fp() + ", not the accepted SHA256:AAAA",
                e.getMessage());
    }

    @Test
    void aChangedKeyIsAMismatchThatAcceptNeverOverrides() throws Exception {
        connector.connect(target(fp())).close();
        String old = fp();
        hostKey.set(KnownHostsTest.ed25519());
        authAttempts.clear();
        RbeeException e = assertThrows(RbeeException.class, () -> connector.connect(target(fp())));
        assertEquals("HOST_KEY_MISMATCH", e.code());
        assertEquals(old, e.details().get("expected"));
        assertEquals(fp(), e.details().get("offered"));
        assertTrue(authAttempts.isEmpty());
    }

    @Test
    void aRejectedKeyIsAnAuthFailureAndRsaKeysWork() throws Exception {
        SshTarget other = new SshTarget("127.0.0.1", server.getPort(), "ops", writeKey(KnownHostsTest.rsa(), "id_rsa"),
                fp());
        RbeeException e = assertThrows(RbeeException.class, () -> connector.connect(other));
        assertEquals("SSH_AUTH_FAILED", e.code());
        assertEquals("Permission denied (publickey) for ops@127.0.0.1 using " + dir.resolve("id_rsa"), e.getMessage());
        assertEquals("key rejected", e.details().get("reason"));
        KeyPair rsa = KnownHostsTest.rsa();
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, rsa.getPublic()));
        connector.connect(new SshTarget("127.0.0.1", server.getPort(), "ops", writeKey(rsa, "id_rsa2"), null))
                .close();
    }

    @Test
    void aKeyReadableByOthersIsNotOffered() throws Exception {
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        RbeeException e = assertThrows(RbeeException.class, () -> connector.connect(target(fp())));
        assertEquals("SSH_AUTH_FAILED", e.code());
        assertEquals("key permissions too open", e.details().get("reason"));
        assertEquals("0644", e.details().get("permissions"));
        assertTrue(authAttempts.isEmpty());
    }

    @Test
    void refusedConnectionsAreTriedThreeTimesWithExactDelays() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        long started = System.nanoTime();
        RbeeException e = assertThrows(RbeeException.class,
                () -> connector.connect(new SshTarget("127.0.0.1", port, "ops", keyFile, null)));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals("SSH_CONNECTION_FAILED", e.code());
        assertEquals("SSH connection to 127.0.0.1:" + port + " failed: Connection refused", e.getMessage());
        assertEquals(List.of(Map.of("attempt", 1, "error", "Connection refused", "delay_ms", 0L),
                Map.of("attempt", 2, "error", "Connection refused", "delay_ms", 200L),
                Map.of("attempt", 3, "error", "Connection refused", "delay_ms", 400L)), e.details().get("attempts"));
        assertTrue(ms >= 600 && ms < 2000, ms + " ms");
    }

    @Test
    void anUnknownHostIsNotRetried() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> connector.connect(new SshTarget("nonexistent.invalid", 22, "ops", keyFile, null)));
        assertEquals("SSH connection to nonexistent.invalid:22 failed: Unknown host", e.getMessage());
        assertEquals(1, ((List<?>) e.details().get("attempts")).size());
    }

    /** A host that accepts TCP and never speaks: each attempt times out (shortened here; S002 runs the 10 s). */
    @Test
    void aSilentHostTimesOutOnEveryAttempt() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             SshConnector quick = new SshConnector(new KnownHosts(dir.resolve("kh")), Duration.ofMillis(300), dir)) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        silent.accept();
                    }
                } catch (java.io.IOException done) {
                    // closed
                }
            });
            long started = System.nanoTime();
            RbeeException e = assertThrows(RbeeException.class, () -> quick.connect(
                    new SshTarget("127.0.0.1", silent.getLocalPort(), "ops", keyFile, null)));
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals("CONNECTION_TIMEOUT", e.code());
            assertEquals(408, e.status());
            assertEquals("ssh", e.details().get("target"));
            assertEquals(3, ((List<?>) e.details().get("attempts")).size());
            assertTrue(ms >= 1500 && ms < 3000, ms + " ms");
        }
    }
}
