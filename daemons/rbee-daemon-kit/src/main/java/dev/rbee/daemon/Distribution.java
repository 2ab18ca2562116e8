package dev.rbee.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The rbee installation this process runs from: the directory holding {@code bin/} (launchers) and the jars. The
 * launcher scripts export it as {@code RBEE_DIST_DIR}, so a daemon starts its children from the same installation.
 */
public record Distribution(Path root) {
    public static final String ENV = "RBEE_DIST_DIR";

    public static Distribution fromEnvironment(Map<String, String> env) {
        String dir = env.get(ENV);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException(ENV + " is not set; start rbee daemons through the bin/ launchers");
        }
        return new Distribution(Path.of(dir).toAbsolutePath().normalize());
    }

    /** Path of a launcher script, e.g. {@code bin/rbee-hive}. */
    public Path launcher(String name) {
        return root.resolve("bin").resolve(name);
    }

    public boolean hasLauncher(String name) {
        return Files.isExecutable(launcher(name));
    }
}
