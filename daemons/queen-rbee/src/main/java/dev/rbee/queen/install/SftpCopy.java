package dev.rbee.queen.install;

import dev.rbee.daemon.ClientGoneException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * The copy stage (api.md §5.3): the distribution goes by SFTP into a temporary directory next to the install path,
 * which then takes the install path's place by rename, so an interrupted copy never leaves a half-written
 * {@code bin/} where a hive would be started from (S127).
 */
final class SftpCopy {
    /** Told the bytes copied so far; throws when the client is gone, which aborts the copy. */
    interface Progress {
        void copied(long done, long total) throws ClientGoneException;
    }

    private static final int CHUNK = 64 * 1024;
    private static final int LAUNCHER_MODE = 0755;
    private static final int FILE_MODE = 0644;

    private final SftpClient sftp;

    SftpCopy(SftpClient sftp) {
        this.sftp = sftp;
    }

    /** Writes every file under {@code tmp}, which must not exist yet; its parents are created when missing. */
    void copy(DistributionFiles files, String tmp, Progress progress) throws IOException, ClientGoneException {
        ensureDirectory(parentOf(tmp));
        sftp.mkdir(tmp);
        sftp.mkdir(tmp + "/bin");
        sftp.mkdir(tmp + "/lib");
        long total = files.totalBytes();
        long done = 0;
        progress.copied(0, total);
        byte[] buffer = new byte[CHUNK];
        for (DistributionFiles.Entry entry : files.entries()) {
            String target = tmp + "/" + entry.target();
            try (InputStream in = Files.newInputStream(entry.source());
                 OutputStream out = sftp.write(target, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                         SftpClient.OpenMode.Truncate)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    done += n;
                    progress.copied(done, total);
                }
            }
            SftpClient.Attributes mode = new SftpClient.Attributes();
            mode.setPermissions(entry.executable() ? LAUNCHER_MODE : FILE_MODE);
            sftp.setStat(target, mode);
        }
    }

    /** Moves an existing installation aside (returned, for removal), then renames {@code tmp} onto the path. */
    String swapIn(String tmp, String installPath, String asideSuffix) throws IOException {
        String aside = null;
        if (exists(installPath)) {
            aside = installPath + ".old-" + asideSuffix;
            sftp.rename(installPath, aside);
        }
        sftp.rename(tmp, installPath);
        return aside;
    }

    private void ensureDirectory(String dir) throws IOException {
        if (dir.isEmpty() || exists(dir)) {
            return;
        }
        ensureDirectory(parentOf(dir));
        sftp.mkdir(dir);
    }

    private boolean exists(String path) throws IOException {
        try {
            sftp.lstat(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    /**
     * The cause as the user reads it (cli.md §6: {@code Permission denied: /opt/rbee}, {@code No space left on
     * device}). A read-only file system counts as denied: either way the node user cannot write there.
     */
    static String cause(Throwable failure, String installPath) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            int status = t instanceof SftpException e ? e.getStatus() : -1;
            if (status == SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM || status == SftpConstants.SSH_FX_QUOTA_EXCEEDED
                    || message.contains("No space left")) {
                return "No space left on device";
            }
            if (status == SftpConstants.SSH_FX_PERMISSION_DENIED || status == SftpConstants.SSH_FX_WRITE_PROTECT
                    || message.contains("Permission denied") || message.contains("Read-only file system")
                    || message.contains("Access denied")) {
                return "Permission denied: " + installPath;
            }
        }
        return String.valueOf(failure.getMessage());
    }
}
