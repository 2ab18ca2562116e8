package dev.rbee.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {
    @TempDir
    Path dir;

    @Test
    void lastLinesThenOnlyWholeAppendedLines() throws IOException {
        Path file = dir.resolve("worker-3b1e.log");
        LogFile missing = new LogFile(file);
        assertEquals(List.of(), missing.lastLines(100));
        Files.writeString(file, "one\ntwo\nthree\nfour\n");
        LogFile log = new LogFile(file);
        assertEquals(List.of("three", "four"), log.lastLines(2));
        assertEquals(List.of(), log.appended());
        byte[] rocket = "🚀 five\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, java.util.Arrays.copyOf(rocket, 2), StandardOpenOption.APPEND); // half an emoji
        assertEquals(List.of(), log.appended());
        Files.write(file, java.util.Arrays.copyOfRange(rocket, 2, rocket.length), StandardOpenOption.APPEND);
        assertEquals(List.of("🚀 five"), log.appended());
    }
}
