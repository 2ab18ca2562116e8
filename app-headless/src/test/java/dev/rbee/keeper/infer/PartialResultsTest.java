package dev.rbee.keeper.infer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartialResultsTest {
    @TempDir
    Path home;

    @Test
    void writesTheExactTextInAPrivateDirectory() throws Exception {
        Path dir = home.resolve("partial");
        String text = "Once upon a time 🐝\n\nthe end";
        PartialResult result = new PartialResults(dir).save("job-7f3c9a", text, 12, 20);
        assertEquals(dir.resolve("job-7f3c9a.txt"), result.file());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(result.file()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(12, result.tokens());
        assertEquals(20, result.maxTokens());
        assertTrue(result.hasTokens());
    }

    @Test
    void noTokensNoFile() {
        Path dir = home.resolve("partial");
        PartialResult result = new PartialResults(dir).save("job-000001", "", 0, 20);
        assertNull(result.file());
        assertFalse(result.hasTokens());
        assertFalse(Files.exists(dir));
    }

    @Test
    void unwritableDirectoryIsReportedNotThrown() throws Exception {
        Path blocker = Files.writeString(home.resolve("partial"), "a file where the directory belongs");
        PartialResult result = new PartialResults(blocker).save("job-1", "x", 1, 20);
        assertNull(result.file());
        assertTrue(result.saveError() != null && !result.saveError().isBlank());
    }
}
