package dev.rbee.queen.install;

import dev.rbee.contract.Version;
import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.ProgressEvent;
import dev.rbee.daemon.ClientGoneException;
import dev.rbee.queen.nodes.NodeRegistry;
import dev.rbee.queen.ssh.ShellQuote;
import dev.rbee.queen.ssh.SshConnector;
import dev.rbee.queen.ssh.SshLink;
import dev.rbee.queen.ssh.SshTarget;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.apache.sshd.sftp.client.SftpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v2/nodes/{name}/install} (api.md §5.3): connect, stop a running hive, check Java 25, copy queen's
 * distribution by SFTP into a temporary directory and rename it onto the install path, run the installed
 * {@code rbee-hive --version}, store {@code installed_version}. A failure or a gone client removes the temporary copy.
 */
public final class NodeInstaller {
    /** Where the steps report to; every call may find the client gone. */
    public interface Events {
        void narrate(String action, String human) throws ClientGoneException;

        void progress(ProgressEvent progress) throws ClientGoneException;

        /** api.md §4: a comment after 10 s without output, for the waits that send nothing else. */
        default void keepAlive() throws ClientGoneException {
        }
    }

    /** Stops the node's hive when one answers; true when it did (S132). */
    public interface HiveStopper {
        boolean stopIfRunning(Node node, Events events) throws ClientGoneException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NodeInstaller.class);
    /** api.md §11: SSH remote commands (test, version) get 10 s. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NodeRegistry registry;
    private final SshConnector connector;
    private final Path distribution;
    private final HiveStopper hiveStopper;

    public NodeInstaller(NodeRegistry registry, SshConnector connector, Path distribution, HiveStopper hiveStopper) {
        this.registry = registry;
        this.connector = connector;
        this.distribution = distribution;
        this.hiveStopper = hiveStopper;
    }

    public CompleteEvent install(Node node, String acceptHostKey, Events events) throws ClientGoneException {
        String name = node.nodeName();
        events.narrate("ssh_connect", "Connecting to " + node.sshUser() + "@" + node.sshHost() + ":" + node.sshPort());
        SshTarget target = new SshTarget(node.sshHost(), node.sshPort(), node.sshUser(),
                node.sshKeyPath() == null ? null : Path.of(node.sshKeyPath()), acceptHostKey);
        try (SshLink link = connector.connect(target)) {
            hiveStopper.stopIfRunning(node, events);
            checkJava(link, node, events);
            copy(link, node, events);
            String version = verify(link, node, events);
            registry.recordInstall(name, version);
            LOG.info("rbee {} installed on {} at {}", version, name, node.installPath());
            return CompleteEvent.install(version, node.installPath());
        } catch (IOException e) {
            throw RbeeException.of(ErrorCode.SSH_CONNECTION_FAILED, "SSH connection to " + target.hostPort()
                    + " failed: " + e.getMessage(), Map.of("host", target.host(), "port", target.port()));
        }
    }

    private void checkJava(SshLink link, Node node, Events events) throws IOException, ClientGoneException {
        String name = node.nodeName();
        events.progress(new ProgressEvent(ProgressEvent.STAGE_JAVA, 0, 0));
        JavaCheck java = JavaCheck.of(link.exec(JavaCheck.COMMAND, COMMAND_TIMEOUT));
        if (!java.ok()) {
            throw RbeeException.of(ErrorCode.JAVA_NOT_FOUND, "Java 25 not found on " + name + " (java -version: "
                    + java.shown() + ")", Map.of("node", name, "user", node.sshUser(), "output", java.shown()));
        }
        events.narrate("java_check", "Checking Java 25 on " + name + "... found " + java.version());
    }

    private void copy(SshLink link, Node node, Events events) throws IOException, ClientGoneException {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String suffix = HexFormat.of().formatHex(random);
        String tmp = node.installPath() + ".tmp-" + suffix;
        DistributionFiles files = DistributionFiles.of(distribution);
        long started = System.nanoTime();
        boolean swapped = false;
        try (SftpClient sftp = link.sftp()) {
            SftpCopy copy = new SftpCopy(sftp);
            copy.copy(files, tmp, throttled(events));
            String aside = copy.swapIn(tmp, node.installPath(), suffix);
            swapped = true;
            if (aside != null) {
                removeQuietly(link, aside);
            }
        } catch (IOException e) {
            LOG.warn("Copying rbee to {}:{} failed: {}", node.nodeName(), tmp, e.toString());
            throw failed(node.nodeName(), "copy", CopyFailure.cause(link, e, node.installPath()));
        } finally {
            if (!swapped) {
                removeQuietly(link, tmp);
            }
        }
        LOG.info("Copied {} files ({} bytes) to {}:{} in {} ms", files.entries().size(), files.totalBytes(),
                node.nodeName(), node.installPath(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The copy reports every chunk; the stream gets one event per quarter second and the last one. */
    private static SftpCopy.Progress throttled(Events events) {
        long[] last = {0};
        return (done, total) -> {
            long now = System.nanoTime();
            if (done == 0 || done == total || now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                events.progress(new ProgressEvent(ProgressEvent.STAGE_COPY, done, total));
            }
        };
    }

    private String verify(SshLink link, Node node, Events events) throws IOException, ClientGoneException {
        events.progress(new ProgressEvent(ProgressEvent.STAGE_VERIFY, 0, 0));
        String launcher = node.installPath() + "/bin/rbee-hive";
        SshLink.Result result = link.exec(ShellQuote.quote(launcher) + " --version", COMMAND_TIMEOUT);
        String printed = result.stdout().strip();
        String expected = "rbee-hive " + Version.CURRENT;
        if (!printed.equals(expected)) {
            String shown = printed.isEmpty() ? result.stderr().strip() : printed;
            throw failed(node.nodeName(), "verify", "rbee-hive --version printed '" + shown + "', expected '"
                    + expected + "'");
        }
        String version = printed.substring("rbee-hive ".length());
        events.narrate("verify", "rbee-hive --version: " + version);
        return version;
    }

    private static void removeQuietly(SshLink link, String path) {
        try {
            link.exec(ShellQuote.command("rm", "-rf", path), COMMAND_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove {} on the node: {}", path, e.toString());
        }
    }

    static RbeeException failed(String node, String step, String reason) {
        return RbeeException.of(ErrorCode.INSTALL_FAILED, "Installation on " + node + " failed: " + reason,
                Map.of("node", node, "step", step, "reason", reason));
    }
}
