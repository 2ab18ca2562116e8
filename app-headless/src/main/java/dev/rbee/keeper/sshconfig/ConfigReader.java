package dev.rbee.keeper.sshconfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a config and the files it includes into one ordered list of settings, each with the {@code Host} pattern
 * lists that must all match for it to apply. As in ssh(1), an {@code Include} inside a {@code Host} block is read
 * only for hosts of that block (its own {@code Host} lines narrow it further), and after the included file the
 * including block goes on. {@code Match} blocks are skipped ({@code Match all} ends a block): their criteria
 * depend on the connection, which an import does not make.
 */
final class ConfigReader {
    /** As ssh(1): deeper nesting is almost always a file that includes itself. */
    static final int MAX_DEPTH = 16;
    private static final Set<String> NEEDS_VALUE = Set.of("hostname", "user", "port", "identityfile", "include");

    /** A setting and the conditions under which it applies; a null condition never applies. */
    record Setting(ConfigLine line, List<List<String>> conditions) {
        boolean appliesTo(String alias) {
            return conditions != null && conditions.stream().allMatch(c -> HostPatterns.matches(c, alias));
        }
    }

    private final Path home;
    private final List<Setting> settings = new ArrayList<>();
    private final Set<String> hostWords = new LinkedHashSet<>();

    ConfigReader(Path home) {
        this.home = home;
    }

    List<Setting> settings() {
        return settings;
    }

    /** Every word of every unconditional {@code Host} line, patterns included, in order of first appearance. */
    List<String> hostWords() {
        return List.copyOf(hostWords);
    }

    void read(Path file) {
        read(file, List.of(), 0, true);
    }

    private void read(Path file, List<List<String>> outer, int depth, boolean top) {
        List<String> lines = lines(file, top);
        List<List<String>> current = outer;
        for (int n = 1; n <= lines.size(); n++) {
            ConfigLine line = parse(file, n, lines.get(n - 1));
            if (line == null) {
                continue;
            }
            switch (line.keyword()) {
                case "host" -> {
                    current = outer == null ? null : append(outer, line.args());
                    if (outer != null && outer.isEmpty()) {
                        hostWords.addAll(line.args());
                    }
                }
                case "match" -> current = isMatchAll(line) ? outer : null;
                case "include" -> include(file, n, line, current, depth);
                default -> settings.add(new Setting(line, current));
            }
        }
    }

    private void include(Path file, int n, ConfigLine line, List<List<String>> current, int depth) {
        if (depth + 1 > MAX_DEPTH) {
            throw new SshConfigException(file + " line " + n + ": Include nested more than " + MAX_DEPTH
                    + " deep (does a file include itself?)");
        }
        for (String word : line.args()) {
            List<Path> files;
            try {
                files = IncludeGlob.files(word, home);
            } catch (InvalidPathException e) {
                throw new SshConfigException(file + " line " + n + ": Include path '" + word + "' is invalid: "
                        + e.getReason());
            }
            for (Path included : files) {
                read(included, current, depth + 1, false);
            }
        }
    }

    private static ConfigLine parse(Path file, int n, String text) {
        try {
            ConfigLine line = ConfigLine.parse(text).orElse(null);
            if (line != null && line.args().isEmpty() && (NEEDS_VALUE.contains(line.keyword())
                    || line.keyword().equals("host"))) {
                throw new IllegalArgumentException(line.name() + " needs a value");
            }
            return line;
        } catch (IllegalArgumentException e) {
            throw new SshConfigException(file + " line " + n + ": " + e.getMessage());
        }
    }

    private static boolean isMatchAll(ConfigLine line) {
        return line.args().size() == 1 && line.value().toLowerCase(Locale.ROOT).equals("all");
    }

    private static List<List<String>> append(List<List<String>> outer, List<String> patterns) {
        List<List<String>> conditions = new ArrayList<>(outer);
        conditions.add(List.copyOf(patterns));
        return List.copyOf(conditions);
    }

    /** Undecodable bytes become U+FFFD rather than an error: only a few keywords matter here. */
    private static List<String> lines(Path file, boolean top) {
        String what = top ? "SSH config" : "included SSH config";
        if (Files.isDirectory(file)) {
            throw new SshConfigException("Cannot read " + what + " " + file + ": it is a directory");
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            throw new SshConfigException("SSH config not found: " + file, top);
        } catch (AccessDeniedException e) {
            throw new SshConfigException("Cannot read " + what + " " + file + ": permission denied");
        } catch (IOException e) {
            throw new SshConfigException("Cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }
}
