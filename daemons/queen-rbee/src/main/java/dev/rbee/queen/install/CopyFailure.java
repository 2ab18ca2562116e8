package dev.rbee.queen.install;

import dev.rbee.queen.ssh.ShellQuote;
import dev.rbee.queen.ssh.SshLink;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why a copy failed, in the words of cli.md §6. SFTP servers name few causes: OpenSSH's sftp-server (protocol 3)
 * answers a full disk or a read-only file system with a bare {@code SSH_FX_FAILURE} "Failure", as does MINA's. So when
 * the status says nothing, queen asks the node while the partial copy still takes its space: {@code df -Pk} on the
 * install path's parent (almost nothing available: the disk is full) and {@code test -w} (false: the node user cannot
 * write there, which also holds for root on a read-only mount).
 */
final class CopyFailure {
    private static final Logger LOG = LoggerFactory.getLogger(CopyFailure.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Less than one copy chunk left counts as full; the failed write needed more. */
    private static final long FULL_BELOW_BYTES = 64 * 1024;

    private CopyFailure() {
    }

    static String cause(SshLink link, Throwable failure, String installPath) {
        String fromStatus = SftpCopy.cause(failure, installPath);
        if (fromStatus.startsWith("No space") || fromStatus.startsWith("Permission denied")) {
            return fromStatus;
        }
        String parent = SftpCopy.parentOf(installPath);
        try {
            if (!parent.isEmpty()) {
                long available = availableBytes(link.exec(ShellQuote.command("df", "-Pk", parent), TIMEOUT));
                if (available >= 0 && available < FULL_BELOW_BYTES) {
                    return "No space left on device";
                }
                Integer writable = link.exec(ShellQuote.command("test", "-w", parent), TIMEOUT).exitCode();
                if (writable != null && writable == 1) {
                    return "Permission denied: " + installPath;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.info("Could not diagnose the failed copy to {}: {}", installPath, e.toString());
        }
        return fromStatus;
    }

    /** The "Available" column (KiB) of {@code df -Pk}'s second line, in bytes; -1 when it cannot be read. */
    static long availableBytes(SshLink.Result df) {
        List<String> lines = df.stdout().lines().toList();
        if (df.exitCode() == null || df.exitCode() != 0 || lines.size() < 2) {
            return -1;
        }
        String[] columns = lines.get(1).trim().split("\\s+");
        try {
            return columns.length >= 4 ? Long.parseLong(columns[3]) * 1024 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
