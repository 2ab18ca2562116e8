package dev.rbee.queen.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an install copies: queen's own distribution as an installed tree, {@code bin/} (the launchers) and
 * {@code lib/} (the jars). A development checkout keeps its jars in {@code dist/lib}; the launcher finds either, and
 * the node always gets {@code lib/}. Nothing is built on the node: it receives the files queen runs from.
 */
public record DistributionFiles(Path root, List<Entry> entries) {
    /** One regular file: where it is here, where it goes under the install path, and whether it is a launcher. */
    public record Entry(Path source, String target, long size, boolean executable) {
    }

    public static DistributionFiles of(Path root) throws IOException {
        List<Entry> entries = new ArrayList<>();
        add(entries, root.resolve("bin"), "bin", true);
        Path lib = Files.isDirectory(root.resolve("lib")) ? root.resolve("lib") : root.resolve("dist").resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IOException("The local distribution has no lib/ (looked in " + root.resolve("lib") + " and "
                    + lib + "); build it with mvn package");
        }
        add(entries, lib, "lib", false);
        return new DistributionFiles(root, List.copyOf(entries));
    }

    /** The regular files directly in {@code dir}, by name; the distribution has no deeper folders. */
    private static void add(List<Entry> entries, Path dir, String target, boolean executable) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                entries.add(new Entry(file, target + "/" + file.getFileName(), Files.size(file), executable));
            }
        }
    }

    public long totalBytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }
}
