package dev.rbee.keeper;

import dev.rbee.contract.error.RbeeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeeperConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsEveryKnownKey() throws IOException {
        Path file = write("""
                queen_url = "http://127.0.0.1:9000"
                api_key = "s3cret"

                [defaults]
                node = "workstation"
                model = "demo:tiny"
                backend = "cuda"
                device = 1
                max_tokens = 64
                temperature = 0.2

                [preflight]
                ram_available_override = "4GiB"
                """);
        KeeperConfigLoader.Loaded loaded = KeeperConfigLoader.load(file);
        KeeperConfig config = loaded.config();
        assertEquals("http://127.0.0.1:9000", config.queenUrl());
        assertEquals("s3cret", config.apiKey());
        assertEquals(new KeeperConfig.Defaults("workstation", "demo:tiny", "cuda", 1, 64L, 0.2), config.defaults());
        assertEquals(List.of(), loaded.warnings(), "[preflight] belongs to the hive and is not warned about");
    }

    @Test
    void missingFileIsEmpty() {
        KeeperConfigLoader.Loaded loaded = KeeperConfigLoader.load(dir.resolve("config.toml"));
        assertEquals(KeeperConfig.EMPTY, loaded.config());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void unknownKeysAreWarnedAboutAndIgnored() throws IOException {
        Path file = write("""
                queen_ur = "http://127.0.0.1:9000"
                [defaults]
                modle = "demo:tiny"
                """);
        KeeperConfigLoader.Loaded loaded = KeeperConfigLoader.load(file);
        assertEquals(List.of("⚠️ Unknown key 'queen_ur' in " + file + " (ignored)",
                "⚠️ Unknown key 'defaults.modle' in " + file + " (ignored)"), loaded.warnings());
        assertEquals(KeeperConfig.EMPTY.queenUrl(), loaded.config().queenUrl());
    }

    @Test
    void wrongTypeNamesTheLine() throws IOException {
        Path file = write("""
                queen_url = "http://127.0.0.1:9000"

                [defaults]
                node = "localhost"
                max_tokens = "many"
                """);
        RbeeException e = assertThrows(RbeeException.class, () -> KeeperConfigLoader.load(file));
        assertEquals(KeeperErrors.CONFIG_INVALID, e.code());
        assertEquals(file + " line 5: defaults.max_tokens must be an integer", e.getMessage());
    }

    @Test
    void wrongTypeOfADottedKeyNamesItsLine() throws IOException {
        Path file = write("""
                # a comment
                defaults.device = -1
                """);
        RbeeException e = assertThrows(RbeeException.class, () -> KeeperConfigLoader.load(file));
        assertEquals(file + " line 2: defaults.device must be an integer >= 0", e.getMessage());
    }

    @Test
    void stringWhereANumberBelongsAndViceVersa() throws IOException {
        Path file = write("api_key = 42\n");
        RbeeException e = assertThrows(RbeeException.class, () -> KeeperConfigLoader.load(file));
        assertEquals(file + " line 1: api_key must be a string", e.getMessage());
    }

    @Test
    void unknownBackendIsInvalid() throws IOException {
        Path backend = write("[defaults]\nbackend = \"rocm\"\n");
        assertEquals(backend + " line 2: defaults.backend must be cpu, cuda or metal, not 'rocm'",
                assertThrows(RbeeException.class, () -> KeeperConfigLoader.load(backend)).getMessage());
    }

    @Test
    void aQueenUrlThatIsNoUrlIsLeftToTheUsageCheck() throws IOException {
        Path url = write("queen_url = \"ftp://x\"\n");
        assertEquals("ftp://x", KeeperConfigLoader.load(url).config().queenUrl());
        RbeeException e = assertThrows(RbeeException.class,
                () -> QueenUrl.resolve(null, java.util.Map.of(), "ftp://x"));
        assertEquals(KeeperErrors.USAGE_ERROR, e.code());
    }

    @Test
    void unparseableFileNamesTheLineOfTheProblem() throws IOException {
        Path file = write("""
                queen_url = "http://127.0.0.1:9000"
                [defaults
                node = "x"
                """);
        RbeeException e = assertThrows(RbeeException.class, () -> KeeperConfigLoader.load(file));
        assertEquals(KeeperErrors.CONFIG_INVALID, e.code());
        assertTrue(e.getMessage().startsWith(file + " line 2: "), e.getMessage());
    }

    @Test
    void temperatureMayBeWrittenAsAnInteger() throws IOException {
        Path file = write("[defaults]\ntemperature = 1\n");
        assertEquals(1.0, KeeperConfigLoader.load(file).config().defaults().temperature());
    }
}
