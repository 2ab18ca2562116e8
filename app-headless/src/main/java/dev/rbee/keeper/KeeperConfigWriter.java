package dev.rbee.keeper;

import dev.rbee.contract.error.RbeeException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes keeper's top-level settings ({@code queen_url}, {@code api_key}) into {@code config.toml} for the desktop
 * Settings screen (cli.md §3), keeping every other line, comment and table as the user wrote them. The file is
 * written with mode 0600 since it may hold the API key, and replaced in one move so a crash never leaves half a file.
 */
public final class KeeperConfigWriter {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[.*");

    private KeeperConfigWriter() {
    }

    /**
     * Sets each key to its value, or removes its line when the value is null or blank. A file that does not parse is
     * left as it is (the error names its line), and the new text is read back before it replaces the old one.
     *
     * @throws RbeeException CONFIG_INVALID when the current file does not parse or cannot be written
     */
    public static void setTopLevel(Path file, Map<String, String> values) {
        KeeperConfigLoader.load(file);
        List<String> lines = new ArrayList<>(read(file));
        values.forEach((key, value) -> set(lines, key, value));
        write(file, lines);
    }

    private static void set(List<String> lines, String key, String value) {
        int line = TomlLines.lineOf(lines, "", key);
        boolean remove = value == null || value.isBlank();
        String assignment = key + " = " + quoted(value == null ? "" : value.trim());
        if (line > 0) {
            if (remove) {
                lines.remove(line - 1);
            } else {
                lines.set(line - 1, assignment);
            }
        } else if (!remove) {
            lines.add(firstTable(lines), assignment);
        }
    }

    /** Top-level keys must come before the first {@code [table]}; anything after it belongs to that table. */
    private static int firstTable(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** A TOML basic string: backslash, quote and control characters escaped. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".config", ".toml");
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            try {
                Files.write(temp, lines, StandardCharsets.UTF_8);
                KeeperConfigLoader.load(temp);
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static RbeeException failed(Path file, IOException e) {
        return KeeperErrors.local(KeeperErrors.CONFIG_INVALID, file + ": cannot write the file: " + e.getMessage());
    }
}
