package dev.rbee.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files under {@code RBEE_HOME} (default {@code ~/.rbee}). Every daemon and keeper resolve paths here, so
 * tests only need to point {@code RBEE_HOME} at a temporary directory.
 */
public final class RbeeHome {
    public static final String ENV = "RBEE_HOME";
    public static final String DEFAULT_DIR = ".rbee";

    private final Path root;

    public RbeeHome(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code RBEE_HOME} from the given environment, else {@code ~/.rbee} of {@code user.home}. */
    public static RbeeHome fromEnvironment(Map<String, String> env) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            return new RbeeHome(Path.of(expandHome(configured.trim())));
        }
        return new RbeeHome(Path.of(System.getProperty("user.home"), DEFAULT_DIR));
    }

    private static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    public Path root() {
        return root;
    }

    public Path beehivesDb() {
        return root.resolve("beehives.db");
    }

    public Path modelsDb() {
        return root.resolve("models.db");
    }

    public Path modelsDir() {
        return root.resolve("models");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    /** {@code logs/<name>.log}, e.g. {@code queen-rbee}, {@code rbee-hive}, {@code worker-3b1e}. */
    public Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    public Path configToml() {
        return root.resolve("config.toml");
    }

    public Path knownHosts() {
        return root.resolve("known_hosts");
    }

    /** Mode 0600; created by queen on first start. */
    public Path clusterSecret() {
        return root.resolve("cluster-secret");
    }

    /** Keeper's record of a queen it started ({@code daemon start}/ephemeral). */
    public Path queenRecord() {
        return root.resolve("queen-rbee.json");
    }

    /** Where keeper saves the text of an inference that failed midway (cli.md §10.4), mode 0700. */
    public Path partialDir() {
        return root.resolve("partial");
    }

    public Path backupsDir() {
        return root.resolve("backups");
    }

    /** Creates the root, models and logs directories if missing; the others are made when first needed. */
    public RbeeHome ensureDirs() throws IOException {
        for (Path dir : new Path[] {root, modelsDir(), logsDir()}) {
            Files.createDirectories(dir);
        }
        return this;
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
