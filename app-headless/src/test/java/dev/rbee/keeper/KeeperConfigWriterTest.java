package dev.rbee.keeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rbee.contract.error.RbeeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Settings screen's writes to config.toml: keys set in place, the rest of the file untouched. */
class KeeperConfigWriterTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheKeysWithMode0600() throws Exception {
        Path file = dir.resolve("home with space/config.toml");
        KeeperConfigWriter.setTopLevel(file, Map.of("queen_url", "http://10.0.0.2:8080"));
        assertEquals(List.of("queen_url = \"http://10.0.0.2:8080\""), Files.readAllLines(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("http://10.0.0.2:8080", KeeperConfigLoader.load(file).config().queenUrl());
    }

    @Test
    void keysAreReplacedOrRemovedInPlaceAndTablesAndCommentsStay() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, """
                # my cluster
                queen_url = "http://old:8080"
                api_key = "old"

                [defaults]
                model = "demo:tiny"
                """);
        Map<String, String> values = new HashMap<>();
        values.put("queen_url", "http://new:8080");
        values.put("api_key", null);
        KeeperConfigWriter.setTopLevel(file, values);
        assertEquals(List.of("# my cluster", "queen_url = \"http://new:8080\"", "", "[defaults]",
                "model = \"demo:tiny\""), Files.readAllLines(file));
    }

    @Test
    void aMissingTopLevelKeyGoesBeforeTheFirstTable() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "[defaults]\nnode = \"gpu1\"\n");
        KeeperConfigWriter.setTopLevel(file, Map.of("api_key", "k\"ey\\ with \"quotes\""));
        KeeperConfig config = KeeperConfigLoader.load(file).config();
        assertEquals("k\"ey\\ with \"quotes\"", config.apiKey());
        assertEquals("gpu1", config.defaults().node(), "the key must not land inside [defaults]");
    }

    @Test
    void aBrokenFileIsLeftAsItWasWithItsError() throws Exception {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, "queen_url = \n");
        RbeeException error = assertThrows(RbeeException.class,
                () -> KeeperConfigWriter.setTopLevel(file, Map.of("api_key", "x")));
        assertEquals("CONFIG_INVALID", error.code());
        assertEquals("queen_url = \n", Files.readString(file));
    }
}
