package dev.rbee.queen.ssh;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** An authenticated SSH session to a node; commands must come from {@link ShellQuote}. */
public final class SshLink implements AutoCloseable {
    /** What a remote command printed and returned; {@code exitCode} is null when the server sent none. */
    public record Result(String stdout, String stderr, Integer exitCode, long elapsedMs) {
    }

    private final ClientSession session;
    private final SshTarget target;
    private final String hostKeyFingerprint;

    SshLink(ClientSession session, SshTarget target) {
        this.session = session;
        this.target = target;
        this.hostKeyFingerprint = HostKeys.fingerprint(session.getServerKey());
    }

    /** {@code SHA256:…} of the host key this session verified. */
    public String hostKeyFingerprint() {
        return hostKeyFingerprint;
    }

    public SshTarget target() {
        return target;
    }

    /** Runs {@code command} and waits at most {@code timeout} for it to end (api.md §11: 10 s for checks). */
    public Result exec(String command, Duration timeout) throws IOException {
        return exec(command, null, timeout);
    }

    /**
     * As {@link #exec(String, Duration)}, with {@code stdin} sent to the command and then closed: how a secret
     * reaches a remote process without showing in its command line (S018).
     */
    public Result exec(String command, byte[] stdin, Duration timeout) throws IOException {
        long started = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            if (stdin != null) {
                channel.setIn(new java.io.ByteArrayInputStream(stdin));
            }
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw RbeeException.of(ErrorCode.REQUEST_TIMEOUT, "Remote command on " + target.hostPort()
                        + " did not finish within " + timeout.toSeconds() + " s",
                        Map.of("deadline_ms", timeout.toMillis()));
            }
            return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    channel.getExitStatus(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** An SFTP channel on this session (the install copy); the caller closes it. */
    public org.apache.sshd.sftp.client.SftpClient sftp() throws IOException {
        return org.apache.sshd.sftp.client.SftpClientFactory.instance().createSftpClient(session);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (IOException e) {
            // Closing a session that broke already: nothing left to release.
        }
    }
}
