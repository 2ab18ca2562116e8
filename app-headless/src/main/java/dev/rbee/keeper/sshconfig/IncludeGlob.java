package dev.rbee.keeper.sshconfig;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files an {@code Include} word names: {@code ~} is the home, a relative path lies in {@code ~/.ssh} (as for
 * a user's config in ssh_config(5)), and {@code *}, {@code ?}, {@code [...]} are expanded as glob(3) does: in every
 * path element, sorted, names starting with a dot only when the pattern does. What matches nothing is no file,
 * which ssh accepts silently.
 */
final class IncludeGlob {
    private IncludeGlob() {
    }

    static List<Path> files(String word, Path home) {
        Path path = Path.of(Tilde.expand(word, home));
        if (!path.isAbsolute()) {
            path = home.resolve(".ssh").resolve(path);
        }
        if (!hasGlob(word)) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        List<Path> found = List.of(path.getRoot());
        for (Path element : path) {
            found = step(found, element.toString());
        }
        return found.stream().sorted(Comparator.comparing(Path::toString)).toList();
    }

    private static List<Path> step(List<Path> dirs, String element) {
        List<Path> next = new ArrayList<>();
        for (Path dir : dirs) {
            if (!hasGlob(element)) {
                Path child = dir.resolve(element);
                if (Files.exists(child)) {
                    next.add(child);
                }
                continue;
            }
            next.addAll(matching(dir, element));
        }
        return next;
    }

    /** A folder that cannot be listed contributes nothing, as with glob(3) without GLOB_ERR. */
    private static List<Path> matching(Path dir, String element) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + javaGlob(element));
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((!name.startsWith(".") || element.startsWith(".")) && matcher.matches(entry.getFileName())) {
                    matches.add(entry);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return matches;
    }

    static boolean hasGlob(String word) {
        return word.indexOf('*') >= 0 || word.indexOf('?') >= 0 || word.indexOf('[') >= 0;
    }

    /** glob(3) knows no braces; in Java's glob syntax they would mean alternatives, so they are escaped. */
    private static String javaGlob(String element) {
        return element.replace("{", "\\{").replace("}", "\\}");
    }
}
