package dev.rbee.daemon;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The {@code schema_version} table both SQLite files share (queen's {@code beehives.db}, the hive's
 * {@code models.db}): read the version, and apply the missing migrations in one transaction, so a failed migration
 * leaves the file as it was. {@code migrations.get(v - 1)} takes the schema from version {@code v - 1} to {@code v}.
 */
public final class SchemaVersions {
    private SchemaVersions() {
    }

    public static int current(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            try (var rs = st.executeQuery("SELECT max(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** Applies versions {@code from + 1 …} to the last; {@code file} names the database in the error. */
    public static void migrate(Connection connection, int from, List<String[]> migrations, String file)
            throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            for (int v = from + 1; v <= migrations.size(); v++) {
                for (String sql : migrations.get(v - 1)) {
                    st.execute(sql);
                }
                st.execute("DELETE FROM schema_version");
                st.execute("INSERT INTO schema_version(version) VALUES (" + v + ")");
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("Migrating " + file + " from schema " + from + " failed; it is unchanged: "
                    + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
