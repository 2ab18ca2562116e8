package dev.rbee.hive.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.hive.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    @TempDir
    Path home;

    private Path db() {
        return home.resolve("models.db");
    }

    private Path backups() {
        return home.resolve("backups");
    }

    static Model row(String id, String provider, String reference, String file, long at) {
        return new Model(id, provider + ":" + reference, provider, reference, file, "/m/" + file, 100, null, "Q4_0",
                "llama", at);
    }

    @Test
    void rowsListNewestFirstAndFilterByProvider() throws Exception {
        try (ModelCatalog catalog = ModelCatalog.open(db(), backups())) {
            catalog.insert(row("a", "hf", "o/r", "a.gguf", 10));
            catalog.insert(row("b", "file", "/x/b.gguf", "b.gguf", 30));
            catalog.insert(row("c", "hf", "o/r", "c.gguf", 20));
            assertEquals(List.of("b", "c", "a"), catalog.list(null).stream().map(Model::id).toList());
            assertEquals(List.of("c", "a"), catalog.list("hf").stream().map(Model::id).toList());
            assertTrue(catalog.delete("c"));
            assertTrue(catalog.byId("c").isEmpty());
        }
        try (ModelCatalog reopened = ModelCatalog.open(db(), backups())) {
            assertEquals(2, reopened.list(null).size(), "rows survive a restart");
        }
    }

    @Test
    void aClashingIdGetsASuffixButTheSameSourceTwiceIsAnError() throws Exception {
        try (ModelCatalog catalog = ModelCatalog.open(db(), backups())) {
            catalog.insert(row("m", "hf", "o/r", "m.gguf", 1));
            assertEquals("m-2", catalog.insert(row("m", "hf", "o/other", "m.gguf", 2)).id());
            assertEquals("m-3", catalog.insert(row("m", "file", "/x/m.gguf", "m.gguf", 3)).id());
            assertThrows(ModelCatalog.CatalogException.class, () -> catalog.insert(row("m", "hf", "o/r", "m.gguf", 4)));
            assertEquals(3, catalog.list(null).size());
        }
    }

    @Test
    void aCorruptCatalogIsMovedAsideAndAFreshOneServes() throws Exception {
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        Files.write(db(), junk);
        try (ModelCatalog catalog = ModelCatalog.open(db(), backups())) {
            assertEquals(0, catalog.list(null).size());
            catalog.insert(row("a", "hf", "o/r", "a.gguf", 1));
        }
        try (Stream<Path> files = Files.list(home)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith("models.db.corrupt-")).toList();
            assertEquals(1, aside.size());
            assertTrue(java.util.Arrays.equals(junk, Files.readAllBytes(aside.getFirst())));
        }
    }

    @Test
    void anOlderSchemaIsBackedUpThenMigrated() throws Exception {
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement st = old.createStatement()) {
            st.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)");
            st.execute("INSERT INTO schema_version VALUES (1)");
            st.execute(CatalogDb.MIGRATIONS.getFirst()[0]);
            for (int i = 1; i <= 3; i++) {
                st.execute("INSERT INTO models VALUES ('m" + i + "', 'hf:o/r', 'hf', 'o/r', 'm" + i + ".gguf', '/p', 1,"
                        + " null, null, 'llama', " + i + ")");
            }
        }
        try (ModelCatalog catalog = ModelCatalog.open(db(), backups())) {
            assertEquals(3, catalog.list(null).size());
        }
        List<Path> copies;
        try (Stream<Path> files = Files.list(backups())) {
            copies = files.toList();
        }
        assertEquals(1, copies.size());
        assertTrue(copies.getFirst().getFileName().toString().matches("models-\\d{8}-\\d{6}\\.db"));
        try (Connection backup = DriverManager.getConnection("jdbc:sqlite:" + copies.getFirst());
             Statement st = backup.createStatement();
             var rs = st.executeQuery("SELECT count(*), (SELECT max(version) FROM schema_version) FROM models")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertEquals(1, rs.getInt(2), "the backup holds the old schema");
        }
        try (Connection migrated = DriverManager.getConnection("jdbc:sqlite:" + db())) {
            assertEquals(CatalogDb.latestVersion(), CatalogDb.version(migrated));
        }
    }

    @Test
    void aNewCatalogIsNotBackedUp() throws Exception {
        try (ModelCatalog ignored = ModelCatalog.open(db(), backups())) {
            assertTrue(Files.notExists(backups()));
        }
    }
}
