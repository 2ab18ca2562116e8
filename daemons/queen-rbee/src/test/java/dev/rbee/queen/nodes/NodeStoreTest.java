package dev.rbee.queen.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeStoreTest {
    @TempDir
    Path dir;

    static Node node(String name, String user) {
        return new Node(name, "10.0.0.5", 2222, user, "/keys/id", "/home/" + user + "/rbee", 9200, null,
                "reachable", 1764165720L, null, List.of("cuda", "cpu"), Map.of("cuda", 2, "cpu", 1), null,
                "SHA256:abc", null);
    }

    @Test
    void rowsRoundTripAndInsertNeverReplaces() throws Exception {
        try (NodeStore store = new NodeStore(dir.resolve("beehives.db"), new Json())) {
            assertTrue(store.list().isEmpty());
            assertFalse(Files.exists(dir.resolve("beehives.db")), "reading must not create the file");
            assertTrue(store.insert(node("workstation", "ops")));
            assertFalse(store.insert(node("workstation", "root")));
            assertEquals(node("workstation", "ops"), store.find("workstation").orElseThrow());
            assertTrue(store.insert(node("alpha", "ops")));
            assertEquals(List.of("alpha", "workstation"), store.list().stream().map(Node::nodeName).toList());
            assertTrue(store.update(node("workstation", "rbee")));
            assertEquals("rbee", store.find("workstation").orElseThrow().sshUser());
            assertTrue(store.delete("workstation"));
            assertFalse(store.delete("workstation"));
            assertFalse(store.update(node("workstation", "x")));
        }
    }

    @Test
    void theDatabaseUsesWalAndRecordsItsSchemaVersion() throws Exception {
        try (NodeStore store = new NodeStore(dir.resolve("beehives.db"), new Json())) {
            store.insert(node("n1", "ops"));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("beehives.db"));
             var st = c.createStatement()) {
            try (var rs = st.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            try (var rs = st.executeQuery("SELECT version FROM schema_version")) {
                assertEquals(BeehivesDb.latestVersion(), rs.getInt(1));
            }
        }
        // Reopening an up-to-date file migrates nothing and keeps the rows.
        try (NodeStore store = new NodeStore(dir.resolve("beehives.db"), new Json())) {
            assertEquals(1, store.list().size());
        }
    }

    @Test
    void installPathsExpandTildeWithTheNodesHome() {
        assertEquals("/home/ops/rbee", SshProbe.expand("~/rbee", "/home/ops"));
        assertEquals("/home/ops", SshProbe.expand("~", "/home/ops/"));
        assertEquals("/opt/rbee", SshProbe.expand("/opt/rbee", "/home/ops"));
        assertEquals("/tmp/rb; touch /tmp/pwned", SshProbe.expand("/tmp/rb; touch /tmp/pwned", "/home/ops"));
    }

    @Test
    void theHomeIsTheLineAfterTheMarker() {
        assertEquals("/home/ops", SshProbe.homeFrom("motd\nrbee-ssh-ok\n/home/ops\nLinux x86_64\n").orElseThrow());
        assertTrue(SshProbe.homeFrom("rbee-ssh-ok\n").isEmpty());
        assertTrue(SshProbe.homeFrom("nothing\n/home/ops\n").isEmpty());
    }
}
