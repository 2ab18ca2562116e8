package dev.rbee.hive.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@code models.db}: WAL mode, schema versioned in {@code schema_version} with forward migrations. A file that
 * is not a SQLite database is moved aside and the catalog starts empty (scenario S145); an older schema is backed up
 * to {@code backups/} before it is migrated (S150), and a failed migration leaves the original untouched.
 */
public final class CatalogDb {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogDb.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** Migration n (1-based) takes the schema from version n-1 to n. Never edit one that has shipped; append. */
    static final List<String[]> MIGRATIONS = List.of(
            new String[] {"""
                    CREATE TABLE models (
                      id TEXT PRIMARY KEY,
                      model_ref TEXT NOT NULL,
                      provider TEXT NOT NULL,
                      reference TEXT NOT NULL,
                      file TEXT NOT NULL,
                      local_path TEXT NOT NULL,
                      size_bytes INTEGER NOT NULL,
                      sha256 TEXT,
                      quantization TEXT,
                      architecture TEXT,
                      downloaded_at_unix INTEGER NOT NULL)"""},
            new String[] {
                    "CREATE UNIQUE INDEX models_source ON models(provider, reference, file)",
                    "CREATE INDEX models_newest ON models(downloaded_at_unix DESC)"});

    private CatalogDb() {
    }

    public static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Opens (creating, repairing or migrating as needed) and returns a connection in WAL mode. */
    public static Connection open(Path db, Path backupsDir) throws SQLException {
        try {
            Files.createDirectories(db.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection connection = connect(db);
        if (!readable(connection)) {
            connection.close();
            setAside(db);
            connection = connect(db);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA busy_timeout=5000");
        }
        migrate(connection, db, backupsDir);
        return connection;
    }

    private static Connection connect(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    /** SQLite only notices a foreign file on the first real read. */
    private static boolean readable(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.executeQuery("SELECT count(*) FROM sqlite_master").close();
            return true;
        } catch (SQLException e) {
            LOG.debug("models.db unreadable: {}", e.getMessage());
            return false;
        }
    }

    private static void setAside(Path db) {
        Path aside = db.resolveSibling(db.getFileName() + ".corrupt-" + STAMP.format(Instant.now()));
        try {
            Files.move(db, aside, StandardCopyOption.REPLACE_EXISTING);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the corrupt catalog " + db + " aside", e);
        }
        LOG.warn("⚠️ Model catalog was corrupt; moved to {}; models will be downloaded again when needed", aside);
    }

    static int version(Connection connection) throws SQLException {
        return dev.rbee.daemon.SchemaVersions.current(connection);
    }

    private static void migrate(Connection connection, Path db, Path backupsDir) throws SQLException {
        int current = version(connection);
        if (current > latestVersion()) {
            throw new SQLException("models.db has schema version " + current + ", newer than this rbee-hive ("
                    + latestVersion() + "); use a newer rbee-hive or restore a backup from " + backupsDir);
        }
        if (current == latestVersion()) {
            return;
        }
        if (current > 0) {
            backup(connection, db, backupsDir, current);
        }
        dev.rbee.daemon.SchemaVersions.migrate(connection, current, MIGRATIONS, "models.db");
        LOG.info("Model catalog schema migrated from version {} to {}", current, latestVersion());
    }

    /** {@code VACUUM INTO} writes a consistent, standalone copy even while WAL holds recent pages. */
    private static void backup(Connection connection, Path db, Path backupsDir, int fromVersion) throws SQLException {
        Path target = backupsDir.resolve("models-" + STAMP.format(Instant.now()) + ".db");
        try {
            Files.createDirectories(backupsDir);
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + backupsDir, e);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
        }
        LOG.info("Model catalog (schema {}) backed up to {} before migrating to schema {}; to restore: stop rbee-hive,"
                + " then cp '{}' '{}'", fromVersion, target, latestVersion(), target, db);
    }
}
