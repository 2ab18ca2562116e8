package dev.rbee.queen.nodes;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Node;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of {@code beehives.db} as {@link Node} records. Opened lazily: a queen that never touches the registry
 * (and keeper's local checks, S008) leaves no {@code beehives.db} behind.
 */
public final class NodeStore implements AutoCloseable {
    private static final String COLUMNS = "node_name, ssh_host, ssh_port, ssh_user, ssh_key_path, install_path, "
            + "hive_port, hive_bind, status, last_connected_unix, last_error, backends, devices, installed_version, "
            + "host_key_fingerprint";

    private final Path file;
    private final Json json;
    private Connection connection;

    public NodeStore(Path file, Json json) {
        this.file = file;
        this.json = json;
    }

    private Connection db() throws SQLException {
        if (connection == null) {
            connection = BeehivesDb.open(file);
        }
        return connection;
    }

    public synchronized Optional<Node> find(String name) throws SQLException {
        if (connection == null && !java.nio.file.Files.exists(file)) {
            return Optional.empty();
        }
        try (PreparedStatement st = db().prepareStatement("SELECT " + COLUMNS + " FROM nodes WHERE node_name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Every stored node, by name. */
    public synchronized List<Node> list() throws SQLException {
        if (connection == null && !java.nio.file.Files.exists(file)) {
            return List.of();
        }
        List<Node> nodes = new ArrayList<>();
        try (PreparedStatement st = db().prepareStatement("SELECT " + COLUMNS + " FROM nodes ORDER BY node_name");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                nodes.add(read(rs));
            }
        }
        return nodes;
    }

    /** Inserts, never replaces: false when the name exists already. */
    public synchronized boolean insert(Node node) throws SQLException {
        String sql = "INSERT OR IGNORE INTO nodes (" + COLUMNS + ", created_unix) VALUES "
                + "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement st = db().prepareStatement(sql)) {
            bind(st, node);
            st.setLong(16, System.currentTimeMillis() / 1000);
            return st.executeUpdate() == 1;
        }
    }

    /** Replaces every column of an existing row; false when the row is gone. */
    public synchronized boolean update(Node node) throws SQLException {
        String sql = "UPDATE nodes SET node_name=?, ssh_host=?, ssh_port=?, ssh_user=?, ssh_key_path=?, "
                + "install_path=?, hive_port=?, hive_bind=?, status=?, last_connected_unix=?, last_error=?, backends=?, "
                + "devices=?, installed_version=?, host_key_fingerprint=? WHERE node_name=?";
        try (PreparedStatement st = db().prepareStatement(sql)) {
            bind(st, node);
            st.setString(16, node.nodeName());
            return st.executeUpdate() == 1;
        }
    }

    public synchronized boolean delete(String name) throws SQLException {
        if (connection == null && !java.nio.file.Files.exists(file)) {
            return false;
        }
        try (PreparedStatement st = db().prepareStatement("DELETE FROM nodes WHERE node_name = ?")) {
            st.setString(1, name);
            return st.executeUpdate() == 1;
        }
    }

    private void bind(PreparedStatement st, Node n) throws SQLException {
        st.setString(1, n.nodeName());
        st.setString(2, n.sshHost());
        st.setInt(3, n.sshPort());
        st.setString(4, n.sshUser());
        st.setString(5, n.sshKeyPath());
        st.setString(6, n.installPath());
        st.setInt(7, n.hivePort());
        st.setString(8, n.hiveBind());
        st.setString(9, n.status());
        if (n.lastConnectedUnix() == null) {
            st.setNull(10, Types.INTEGER);
        } else {
            st.setLong(10, n.lastConnectedUnix());
        }
        st.setString(11, n.lastError());
        st.setString(12, json.write(n.backends() == null ? List.of() : n.backends()));
        st.setString(13, json.write(n.devices() == null ? Map.of() : n.devices()));
        st.setString(14, n.installedVersion());
        st.setString(15, n.hostKeyFingerprint());
    }

    @SuppressWarnings("unchecked")
    private Node read(ResultSet rs) throws SQLException {
        long last = rs.getLong("last_connected_unix");
        Long lastConnected = rs.wasNull() ? null : last;
        List<String> backends = json.read(rs.getString("backends"), List.class);
        Map<String, Integer> devices = json.read(rs.getString("devices"), Map.class);
        return new Node(rs.getString("node_name"), rs.getString("ssh_host"), rs.getInt("ssh_port"),
                rs.getString("ssh_user"), rs.getString("ssh_key_path"), rs.getString("install_path"),
                rs.getInt("hive_port"), rs.getString("hive_bind"), rs.getString("status"), lastConnected,
                rs.getString("last_error"), backends, devices, rs.getString("installed_version"),
                rs.getString("host_key_fingerprint"), null);
    }

    @Override
    public synchronized void close() throws SQLException {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
