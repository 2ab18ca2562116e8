package dev.rbee.queen.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens {@code beehives.db}, queen's node registry: WAL mode, schema versioned in {@code schema_version} with
 * forward migrations, like the hive's {@code models.db}. {@code localhost} is never stored (api.md §1).
 */
public final class BeehivesDb {
    private static final Logger LOG = LoggerFactory.getLogger(BeehivesDb.class);

    /** Migration n (1-based) takes the schema from version n-1 to n. Never edit one that has shipped; append. */
    static final List<String[]> MIGRATIONS = List.<String[]>of(new String[] {"""
            CREATE TABLE nodes (
              node_name TEXT PRIMARY KEY,
              ssh_host TEXT NOT NULL,
              ssh_port INTEGER NOT NULL,
              ssh_user TEXT NOT NULL,
              ssh_key_path TEXT,
              install_path TEXT NOT NULL,
              hive_port INTEGER NOT NULL,
              hive_bind TEXT,
              status TEXT NOT NULL,
              last_connected_unix INTEGER,
              last_error TEXT,
              backends TEXT NOT NULL DEFAULT '[]',
              devices TEXT NOT NULL DEFAULT '{}',
              installed_version TEXT,
              host_key_fingerprint TEXT,
              created_unix INTEGER NOT NULL)"""});

    private BeehivesDb() {
    }

    public static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Opens (creating or migrating as needed) a connection in WAL mode. */
    public static Connection open(Path db) throws SQLException {
        try {
            Files.createDirectories(db.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA busy_timeout=5000");
        }
        migrate(connection);
        return connection;
    }

    static int version(Connection connection) throws SQLException {
        return dev.rbee.daemon.SchemaVersions.current(connection);
    }

    private static void migrate(Connection connection) throws SQLException {
        int current = version(connection);
        if (current > latestVersion()) {
            throw new SQLException("beehives.db has schema version " + current + ", newer than this queen-rbee ("
                    + latestVersion() + "); use a newer queen-rbee");
        }
        if (current == latestVersion()) {
            return;
        }
        dev.rbee.daemon.SchemaVersions.migrate(connection, current, MIGRATIONS, "beehives.db");
        LOG.info("Node registry schema migrated from version {} to {}", current, latestVersion());
    }
}
