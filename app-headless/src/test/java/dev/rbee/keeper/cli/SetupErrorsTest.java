package dev.rbee.keeper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.error.ErrorEnvelope;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node and SSH errors of cli.md §6 and §6.1, as queen's envelopes arrive. */
class SetupErrorsTest {
    private static final Json JSON = new Json();
    private static final ErrorContext ADD = new ErrorContext("setup add-node",
            new RbeeHome(Path.of("/home/ops/.rbee")), "workstation", null, null);

    private static RbeeException envelope(int status, String json) {
        return RbeeException.fromEnvelope(status, JSON.read(json, ErrorEnvelope.class));
    }

    @Test
    void unknownHostKey() {
        RbeeException e = envelope(409, """
                {"error":{"code":"HOST_KEY_UNKNOWN","message":"Host key of workstation.home.arpa:22 is not known",\
                "details":{"component":"queen-rbee","host":"workstation.home.arpa","port":22,"key_type":"ssh-ed25519",\
                "fingerprint":"SHA256:abc","known_hosts_path":"/home/ops/.rbee/known_hosts"}}}""");
        assertEquals(List.of(
                "[queen-rbee] ❌ Error: Host key of workstation.home.arpa:22 is not known (HOST_KEY_UNKNOWN)",
                "  Fingerprint: SHA256:abc",
                "💡 Verify the fingerprint on the node (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then re-run "
                        + "with --accept-host-key SHA256:abc"), ErrorPresenter.lines(e, ADD));
    }

    @Test
    void changedHostKey() {
        RbeeException e = envelope(403, """
                {"error":{"code":"HOST_KEY_MISMATCH","message":"Host key of workstation.home.arpa:22 has changed; \
                refusing to connect","details":{"component":"queen-rbee","host":"workstation.home.arpa","port":22,\
                "expected":"SHA256:old","offered":"SHA256:new","known_hosts_path":"/home/ops/.rbee/known_hosts"}}}""");
        assertEquals(List.of(
                "[queen-rbee] ❌ Error: Host key of workstation.home.arpa:22 has changed; refusing to connect "
                        + "(HOST_KEY_MISMATCH)",
                "  Known: SHA256:old", "  Offered: SHA256:new",
                "  Someone may be intercepting the connection, or the host was reinstalled.",
                "💡 If the host was reinstalled, delete its line from /home/ops/.rbee/known_hosts and run the command "
                        + "again"), ErrorPresenter.lines(e, ADD));
    }

    @Test
    void keyTooOpen() {
        RbeeException e = envelope(403, """
                {"error":{"code":"SSH_AUTH_FAILED","message":"Permission denied (publickey) for \
                ops@workstation.home.arpa using /home/ops/.ssh/id_ed25519","details":{"component":"queen-rbee",\
                "host":"workstation.home.arpa","user":"ops","key_path":"/home/ops/.ssh/id_ed25519",\
                "reason":"key permissions too open","permissions":"0644"}}}""");
        assertEquals(List.of(
                "[queen-rbee] ❌ Error: Permission denied (publickey) for ops@workstation.home.arpa using "
                        + "/home/ops/.ssh/id_ed25519 (SSH_AUTH_FAILED)",
                "  Permissions 0644 for '/home/ops/.ssh/id_ed25519' are too open",
                "💡 Fix key permissions: chmod 600 /home/ops/.ssh/id_ed25519",
                "💡 Authorize the key: ssh-copy-id -i /home/ops/.ssh/id_ed25519.pub ops@workstation.home.arpa",
                "💡 Check loaded agent keys: ssh-add -l"), ErrorPresenter.lines(e, ADD));
    }

    @Test
    void duplicateNamesAndTimeouts() {
        RbeeException dup = envelope(409, """
                {"error":{"code":"NODE_ALREADY_EXISTS","message":"Node 'workstation' already exists in registry",\
                "details":{"component":"queen-rbee","node":"workstation"}}}""");
        assertEquals(List.of("💡 Change it: rbee-keeper setup update-node --name workstation ...",
                "💡 Or remove it first: rbee-keeper setup remove-node --name workstation"),
                ErrorPresenter.lines(dup, ADD).subList(1, 3));
        RbeeException slow = envelope(408, """
                {"error":{"code":"CONNECTION_TIMEOUT","message":"SSH connection to workstation.home.arpa:22 failed \
                after 3 attempts","details":{"component":"queen-rbee","host":"workstation.home.arpa","port":22,\
                "target":"ssh","attempts":[]}}}""");
        assertEquals("💡 Check network connectivity: ping workstation.home.arpa", ErrorPresenter.lines(slow, ADD)
                .get(1));
    }
}
