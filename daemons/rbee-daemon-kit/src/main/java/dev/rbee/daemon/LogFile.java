package dev.rbee.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a log that keeps growing: its last lines, then whatever was appended since. Only whole lines are returned; a
 * line still being written waits for its newline. Lines are split as bytes, so a UTF-8 character (the logs are full
 * of emoji) cut by a read is never mangled. A file that does not exist yet reads as empty.
 */
public final class LogFile {
    private static final int TAIL_WINDOW = 4 << 20; // enough for the last 10 000 lines of any sane log

    private final Path file;
    private long position;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    public LogFile(Path file) {
        this.file = file;
    }

    public List<String> lastLines(int count) {
        long size = size();
        long from = Math.max(0, size - TAIL_WINDOW);
        List<String> lines = readFrom(from, size);
        if (from > 0 && !lines.isEmpty()) {
            lines.removeFirst(); // begins in the middle of a line
        }
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    public List<String> appended() {
        long size = size();
        if (size < position) { // truncated or replaced: start over
            position = 0;
            partial.reset();
        }
        return size == position ? List.of() : readFrom(position, size);
    }

    private List<String> readFrom(long from, long to) {
        byte[] bytes = read(from, to);
        position = from + bytes.length;
        List<String> lines = new ArrayList<>();
        for (byte b : bytes) {
            if (b == '\n') {
                String line = partial.toString(StandardCharsets.UTF_8);
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                partial.reset();
            } else {
                partial.write(b);
            }
        }
        return lines;
    }

    private long size() {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private byte[] read(long from, long to) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (to - from)];
            in.seek(from);
            in.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
