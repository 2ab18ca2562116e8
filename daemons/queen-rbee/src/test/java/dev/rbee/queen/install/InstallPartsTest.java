package dev.rbee.queen.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.queen.ssh.SshLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of an install that read what the node answered: java -version, SFTP statuses, df. */
class InstallPartsTest {
    private static SshLink.Result result(String out, String err, Integer code) {
        return new SshLink.Result(out, err, code, 5);
    }

    @Test
    void java25IsAcceptedWithItsVersion() {
        JavaCheck check = JavaCheck.of(result("", "openjdk version \"25.0.1\" 2025-10-21 LTS\nOpenJDK Runtime…\n", 0));
        assertTrue(check.ok());
        assertEquals("25.0.1", check.version());
    }

    @Test
    void otherJavasAreQuotedByTheirVersionLine() {
        JavaCheck java21 = JavaCheck.of(result("", "openjdk version \"21.0.5\" 2024-10-15\nmore\n", 0));
        assertFalse(java21.ok());
        assertEquals("openjdk version \"21.0.5\" 2024-10-15", java21.shown());
        assertFalse(JavaCheck.of(result("", "java version \"1.8.0_402\"\n", 0)).ok());
        assertFalse(JavaCheck.of(result("", "openjdk version \"250\"\n", 0)).ok());
    }

    @Test
    void noJavaReadsCommandNotFound() {
        assertEquals("command not found", JavaCheck.of(result("", "sh: 1: java: not found\n", 127)).shown());
        assertEquals("command not found", JavaCheck.of(result("", "", null)).shown());
    }

    @Test
    void sftpStatusesBecomeTheSpecsCauses() {
        assertEquals("Permission denied: /opt/rbee", SftpCopy.cause(
                new SftpException(SftpConstants.SSH_FX_PERMISSION_DENIED, "Permission denied"), "/opt/rbee"));
        assertEquals("No space left on device", SftpCopy.cause(
                new IOException("wrapped", new SftpException(SftpConstants.SSH_FX_FAILURE, "No space left on device")),
                "/x"));
        assertEquals("General failure", SftpCopy.cause(
                new SftpException(SftpConstants.SSH_FX_FAILURE, "General failure"), "/x"));
    }

    @Test
    void dfAvailableColumnInBytes() {
        String df = "Filesystem     1024-blocks  Used Available Capacity Mounted on\ntmpfs 65536 65536 0 100% /x\n";
        assertEquals(0, CopyFailure.availableBytes(result(df, "", 0)));
        assertEquals(-1, CopyFailure.availableBytes(result("", "df: /nope: No such file", 1)));
        assertEquals(2048, CopyFailure.availableBytes(result(df.replace(" 0 100%", " 2 99%"), "", 0)));
    }

    @Test
    void parentsOfInstallPaths() {
        assertEquals("/home/ops", SftpCopy.parentOf("/home/ops/rbee"));
        assertEquals("", SftpCopy.parentOf("/rbee"));
    }

    @Test
    void distributionFilesTakeJarsFromDistLibOfACheckout(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("dist/lib"));
        Files.writeString(root.resolve("bin/rbee-hive"), "#!/bin/sh\n");
        Files.writeString(root.resolve("dist/lib/a.jar"), "jar");
        DistributionFiles files = DistributionFiles.of(root);
        assertEquals(2, files.entries().size());
        assertEquals("bin/rbee-hive", files.entries().get(0).target());
        assertTrue(files.entries().get(0).executable());
        assertEquals("lib/a.jar", files.entries().get(1).target());
        assertEquals(13, files.totalBytes());
    }
}
