package dev.rbee.queen.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 2–4 of api.md §5.2: connect with up to 3 attempts (10 s each; 0, 200, 400 ms before them; retried only for
 * timeouts and network errors), check the host key, authenticate with a key. Delays are exact (api.md §10: no
 * jitter, so tests can assert them). An unknown host is not retried (S016).
 */
public final class SshConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);
    static final long[] DELAYS_MS = {0, 200, 400};
    static final String TIMEOUT = "Connection timeout";

    /** Started on first use: loading Bouncy Castle and the client costs a second that most queens never need. */
    private SshClient client;
    private final KnownHosts knownHosts;
    private final Duration connectTimeout;
    private final Path userHome;

    public SshConnector(KnownHosts knownHosts, Duration connectTimeout, Path userHome) {
        this.knownHosts = knownHosts;
        this.connectTimeout = connectTimeout;
        this.userHome = userHome;
    }

    private synchronized SshClient client() {
        if (client == null) {
            client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(HostKeyCheck.VERIFIER);
            // Only the keys chosen in KeyIdentities: never ~/.ssh of whoever runs queen by accident, no passwords.
            client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            client.setUserAuthFactoriesNames("publickey");
            client.start();
        }
        return client;
    }

    public KnownHosts knownHosts() {
        return knownHosts;
    }

    /** An authenticated session, or RbeeException with the codes and details of api.md §5.2. */
    public SshLink connect(SshTarget target) {
        List<SshErrors.Attempt> failed = new ArrayList<>();
        for (int i = 0; i < DELAYS_MS.length; i++) {
            sleep(DELAYS_MS[i]);
            HostKeyCheck check = new HostKeyCheck(target, knownHosts);
            ClientSession session;
            try {
                session = openSession(target, check);
            } catch (AttemptFailed e) {
                LOG.info("SSH attempt {}/3 to {} failed: {}", i + 1, target.hostPort(), e.getMessage());
                failed.add(new SshErrors.Attempt(i + 1, e.getMessage(), DELAYS_MS[i]));
                if (e.final_) {
                    throw SshErrors.connectionFailed(target, e.getMessage(), failed);
                }
                continue;
            }
            return authenticate(session, target);
        }
        boolean allTimeouts = failed.stream().allMatch(a -> TIMEOUT.equals(a.error()));
        throw allTimeouts ? SshErrors.timedOut(target, failed)
                : SshErrors.connectionFailed(target, failed.getLast().error(), failed);
    }

    /** TCP connect and key exchange within one connect timeout; a refused host key ends the attempts. */
    private ClientSession openSession(SshTarget target, HostKeyCheck check) throws AttemptFailed {
        long deadline = System.nanoTime() + connectTimeout.toNanos();
        try {
            InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            throw new AttemptFailed("Unknown host", true);
        }
        ConnectFuture future;
        try {
            future = client().connect(target.user(), target.host(), target.port(),
                    AttributeRepository.ofKeyValuePair(HostKeyCheck.KEY, check), null);
            if (!future.await(connectTimeout)) {
                future.cancel();
                throw new AttemptFailed(TIMEOUT, false);
            }
        } catch (IOException | UnresolvedAddressException e) {
            throw new AttemptFailed(describe(e), e instanceof UnresolvedAddressException);
        }
        if (!future.isConnected()) {
            throw new AttemptFailed(describe(future.getException()), false);
        }
        ClientSession session = future.getSession();
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        Set<ClientSessionEvent> events = session.waitFor(
                EnumSet.of(ClientSessionEvent.WAIT_AUTH, ClientSessionEvent.AUTHED, ClientSessionEvent.CLOSED), left);
        if (check.refusal() != null) {
            closeQuietly(session);
            throw check.refusal();
        }
        if (events.contains(ClientSessionEvent.TIMEOUT)) {
            closeQuietly(session);
            throw new AttemptFailed(TIMEOUT, false);
        }
        if (events.contains(ClientSessionEvent.CLOSED)) {
            throw new AttemptFailed("Connection closed during key exchange", false);
        }
        return session;
    }

    private SshLink authenticate(ClientSession session, SshTarget target) {
        try {
            KeyIdentities.Loaded keys = KeyIdentities.load(target, userHome);
            for (KeyPair key : keys.keys()) {
                session.addPublicKeyIdentity(key);
            }
            try {
                session.auth().verify(connectTimeout);
            } catch (IOException e) {
                LOG.info("SSH authentication to {} as {} failed: {}", target.hostPort(), target.user(),
                        e.getMessage());
                throw SshErrors.authFailed(target, keys.label(), "key rejected", null);
            }
            return new SshLink(session, target);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ConnectException) {
                return "Connection refused";
            }
            if (cause instanceof NoRouteToHostException) {
                return "No route to host";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "Unknown host";
            }
            if (cause instanceof java.net.SocketTimeoutException) {
                return TIMEOUT;
            }
            cause = cause.getCause();
        }
        return e == null ? "Connection failed" : String.valueOf(e.getMessage());
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted between SSH attempts", e);
        }
    }

    private static void closeQuietly(ClientSession session) {
        try {
            session.close();
        } catch (IOException e) {
            // The session is going away either way.
        }
    }

    @Override
    public synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            client.stop();
        } catch (RuntimeException e) {
            LOG.debug("Stopping the SSH client: {}", e.getMessage());
        }
    }

    /** One failed attempt; {@code final_} attempts are not retried. */
    private static final class AttemptFailed extends Exception {
        private final boolean final_;

        AttemptFailed(String message, boolean finalAttempt) {
            super(message, null, false, false);
            this.final_ = finalAttempt;
        }
    }
}
