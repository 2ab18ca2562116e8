package dev.rbee.keeper.queen;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end so a large log costs nothing. */
public final class LogTail {
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /** Up to {@code count} last lines; empty when the file is missing or unreadable (it is only a hint). */
    public static List<String> lastLines(Path file, int count) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            List<String> nonEmpty = lines.stream().filter(line -> !line.isBlank()).toList();
            return nonEmpty.subList(Math.max(0, nonEmpty.size() - count), nonEmpty.size());
        } catch (IOException e) {
            return List.of();
        }
    }
}
