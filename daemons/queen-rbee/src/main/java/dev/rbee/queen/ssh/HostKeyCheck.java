package dev.rbee.queen.ssh;

import dev.rbee.contract.error.RbeeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * Step 3 of api.md §5.2 for one connection: the offered host key against queen's known_hosts. A key that is not
 * trusted is refused during key exchange, so the session closes before any user authentication (S013); the
 * verdict is kept for the connector to turn into HOST_KEY_UNKNOWN or HOST_KEY_MISMATCH.
 */
final class HostKeyCheck {
    /** Attached to each session at connect time, so one client can verify many targets. */
    static final AttributeRepository.AttributeKey<HostKeyCheck> KEY = new AttributeRepository.AttributeKey<>();

    /** The verifier every session of queen's SSH client uses. */
    static final ServerKeyVerifier VERIFIER = (ClientSession session, SocketAddress address, PublicKey key) -> {
        AttributeRepository context = session.getConnectionContext();
        HostKeyCheck check = context == null ? null : context.getAttribute(KEY);
        return check != null && check.verify(key);
    };

    private final SshTarget target;
    private final KnownHosts knownHosts;
    private volatile RbeeException refusal;

    HostKeyCheck(SshTarget target, KnownHosts knownHosts) {
        this.target = target;
        this.knownHosts = knownHosts;
    }

    /** The reason the key was refused; null when it was accepted or not yet seen. */
    RbeeException refusal() {
        return refusal;
    }

    boolean verify(PublicKey offered) {
        String known = knownHosts.path().toString();
        try {
            List<PublicKey> keys = knownHosts.keysFor(target.host(), target.port());
            if (!keys.isEmpty()) {
                if (keys.stream().anyMatch(k -> KeyUtils.compareKeys(k, offered))) {
                    return true;
                }
                // accept_host_key never overrides a changed key.
                refusal = SshErrors.hostKeyMismatch(target, HostKeys.fingerprint(keys.getFirst()), offered, known);
                return false;
            }
            if (HostKeys.fingerprint(offered).equals(target.acceptHostKey())) {
                knownHosts.append(target.host(), target.port(), offered);
                return true;
            }
            refusal = SshErrors.hostKeyUnknown(target, offered, known);
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + known, e);
        }
    }
}
