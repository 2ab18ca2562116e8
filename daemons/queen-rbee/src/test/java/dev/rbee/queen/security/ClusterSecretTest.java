package dev.rbee.queen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretTest {
    @TempDir
    Path home;

    @Test
    void createdOnceWithMode600AndReusedAfterRestarts() throws Exception {
        Path file = home.resolve("cluster-secret");
        String first = ClusterSecret.loadOrCreate(file);
        assertEquals(43, first.length(), "32 bytes base64url without padding");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, ClusterSecret.loadOrCreate(file));
        assertNotEquals(first, ClusterSecret.loadOrCreate(home.resolve("other")));
    }
}
