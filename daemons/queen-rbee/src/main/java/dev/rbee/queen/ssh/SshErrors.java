package dev.rbee.queen.ssh;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SSH errors of api.md §5.2 and §9, with their messages and details. */
final class SshErrors {
    private SshErrors() {
    }

    /** One failed connect attempt as {@code details.attempts[]} lists it. */
    record Attempt(int attempt, String error, long delayMs) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("attempt", attempt);
            m.put("error", error);
            m.put("delay_ms", delayMs);
            return m;
        }
    }

    static RbeeException timedOut(SshTarget t, List<Attempt> attempts) {
        Map<String, Object> d = hostPort(t);
        d.put("target", "ssh");
        d.put("attempts", attempts.stream().map(Attempt::toMap).toList());
        return RbeeException.of(ErrorCode.CONNECTION_TIMEOUT,
                "SSH connection to " + t.hostPort() + " failed after " + attempts.size() + " attempts", d);
    }

    static RbeeException connectionFailed(SshTarget t, String reason, List<Attempt> attempts) {
        Map<String, Object> d = hostPort(t);
        d.put("attempts", attempts.stream().map(Attempt::toMap).toList());
        return RbeeException.of(ErrorCode.SSH_CONNECTION_FAILED,
                "SSH connection to " + t.hostPort() + " failed: " + reason, d);
    }

    static RbeeException hostKeyUnknown(SshTarget t, PublicKey offered, String knownHosts) {
        Map<String, Object> d = hostPort(t);
        d.put("key_type", HostKeys.type(offered));
        d.put("fingerprint", HostKeys.fingerprint(offered));
        d.put("known_hosts_path", knownHosts);
        String message = t.acceptHostKey() == null ? "Host key of " + t.hostPort() + " is not known"
                : "Host key of " + t.hostPort() + " is " + HostKeys.fingerprint(offered) + ", not the accepted "
                + t.acceptHostKey();
        return RbeeException.of(ErrorCode.HOST_KEY_UNKNOWN, message, d);
    }

    static RbeeException hostKeyMismatch(SshTarget t, String expected, PublicKey offered, String knownHosts) {
        Map<String, Object> d = hostPort(t);
        d.put("expected", expected);
        d.put("offered", HostKeys.fingerprint(offered));
        d.put("known_hosts_path", knownHosts);
        return RbeeException.of(ErrorCode.HOST_KEY_MISMATCH,
                "Host key of " + t.hostPort() + " has changed; refusing to connect", d);
    }

    /** {@code permissions} is the key file's mode when it was refused for being too open, else null. */
    static RbeeException authFailed(SshTarget t, String keyPath, String reason, String permissions) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("host", t.host());
        d.put("user", t.user());
        d.put("key_path", keyPath);
        d.put("reason", reason);
        if (permissions != null) {
            d.put("permissions", permissions);
        }
        return RbeeException.of(ErrorCode.SSH_AUTH_FAILED,
                "Permission denied (publickey) for " + t.user() + "@" + t.host() + " using " + keyPath, d);
    }

    private static Map<String, Object> hostPort(SshTarget t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("host", t.host());
        d.put("port", t.port());
        return d;
    }
}
