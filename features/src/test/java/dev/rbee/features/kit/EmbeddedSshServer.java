package dev.rbee.features.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;

/**
 * The node of a scenario (scenarios.md "Test kit"): Apache MINA SSHD on 127.0.0.1, port 0, with its own host key,
 * authorized keys per user, and commands run for real by {@code /bin/sh -c} with the user's home as {@code HOME}.
 * It logs every command and every authentication attempt, so steps can assert what queen did over SSH.
 */
public final class EmbeddedSshServer implements AutoCloseable {
    /** One public-key authentication attempt as the server saw it. */
    public record AuthAttempt(String user, String fingerprint, boolean accepted) {
    }

    private final Path root;
    private final AtomicReference<KeyPair> hostKey = new AtomicReference<>();
    private final Map<String, Set<PublicKey>> authorized = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<AuthAttempt> authAttempts = new CopyOnWriteArrayList<>();
    private final SshServer server;
    /** Per user, what sshd would set from {@code ~/.ssh/environment}: e.g. the node's own RBEE_HOME. */
    private final Map<String, Map<String, String>> environments = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    /** Variables set (or, with a null value, removed) for every command, e.g. a PATH without java (S129). */
    private final Map<String, String> environment = new ConcurrentHashMap<>();
    private final java.util.Set<String> unset = ConcurrentHashMap.newKeySet();

    /** {@code root} holds the users' homes ({@code root/home/<user>}). */
    public EmbeddedSshServer(Path root) {
        this.root = root;
        hostKey.set(newEd25519());
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(session -> List.of(hostKey.get()));
        server.setPublickeyAuthenticator((user, key, session) -> {
            boolean ok = authorized.getOrDefault(user, Set.of()).stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
            authAttempts.add(new AuthAttempt(user, KeyUtils.getFingerPrint(key), ok));
            return ok;
        });
        server.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionCreated(org.apache.sshd.common.session.Session session) {
                connections.incrementAndGet();
            }
        });
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return new ShellCommand(command, this::homeOf, (user, env) -> {
                applyEnvironment(env);
                env.putAll(environments.getOrDefault(user, Map.of()));
            });
        });
        // SFTP as OpenSSH's internal-sftp: absolute paths on this machine's file system, as the test user (S005).
        server.setSubsystemFactories(List.of(new org.apache.sshd.sftp.server.SftpSubsystemFactory()));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded SSH server", e);
        }
    }

    public static KeyPair newEd25519() {
        try {
            return SecurityUtils.getKeyPairGenerator("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 needs Bouncy Castle on the class path", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey.get().getPublic());
    }

    public PublicKey hostKey() {
        return hostKey.get().getPublic();
    }

    /** The server offers a new host key from now on (S015: "the host was reinstalled"). */
    public void replaceHostKey() {
        hostKey.set(newEd25519());
    }

    public void authorize(String user, PublicKey key) {
        authorized.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(key);
        homeOf(user);
    }

    /** {@code root/home/<user>}, created on first use. */
    public Path homeOf(String user) {
        Path home = root.resolve("home").resolve(user);
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }

    /** From now on commands see {@code name=value}; a null value removes the variable. */
    public void setEnvironment(String name, String value) {
        if (value == null) {
            environment.remove(name);
            unset.add(name);
        } else {
            unset.remove(name);
            environment.put(name, value);
        }
    }

    private void applyEnvironment(Map<String, String> env) {
        unset.forEach(env::remove);
        env.putAll(environment);
    }

    /** Commands run as {@code user} get {@code variables} in their environment. */
    public void environment(String user, Map<String, String> variables) {
        environments.put(user, Map.copyOf(variables));
    }

    /** Commands run as {@code user} also get {@code variables}, on top of those set before. */
    public void addEnvironment(String user, Map<String, String> variables) {
        environments.merge(user, Map.copyOf(variables), (old, added) -> {
            Map<String, String> both = new java.util.HashMap<>(old);
            both.putAll(added);
            return Map.copyOf(both);
        });
    }

    /** Ends every open SSH session, as a dropped network or a restarted sshd would. */
    public void closeSessions() {
        server.getActiveSessions().forEach(session -> session.close(true));
    }

    /** TCP connections the server accepted so far. */
    public int connections() {
        return connections.get();
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    public List<AuthAttempt> authAttempts() {
        return List.copyOf(authAttempts);
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            // Stopping anyway.
        }
    }
}
