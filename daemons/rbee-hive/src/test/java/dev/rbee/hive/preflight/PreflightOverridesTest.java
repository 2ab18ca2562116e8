package dev.rbee.hive.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightOverridesTest {
    @TempDir
    Path home;

    @Test
    void sizesAsBytesOrTextAndReReadEveryTime() throws IOException {
        Path toml = home.resolve("config.toml");
        PreflightOverrides overrides = new PreflightOverrides(toml, true);
        assertTrue(overrides.ramAvailable().isEmpty());
        Files.writeString(toml, "[preflight]\nram_available_override = \"4000MB\"\ndisk_available_override = 1234\n");
        assertEquals(OptionalLong.of(4_000_000_000L), overrides.ramAvailable());
        assertEquals(OptionalLong.of(1234), overrides.diskAvailable());
        Files.writeString(toml, "[preflight]\nram_available_override = \"2GiB\"\n");
        assertEquals(OptionalLong.of(2L << 30), overrides.ramAvailable());
        assertTrue(overrides.diskAvailable().isEmpty());
    }

    @Test
    void ignoredOutsideTestModeAndWhenMalformed() throws IOException {
        Path toml = home.resolve("config.toml");
        Files.writeString(toml, "[preflight]\nram_available_override = \"4000MB\"\n");
        assertTrue(new PreflightOverrides(toml, false).ramAvailable().isEmpty());
        Files.writeString(toml, "[preflight]\nram_available_override = \"lots\"\n");
        assertTrue(new PreflightOverrides(toml, true).ramAvailable().isEmpty());
        Files.writeString(toml, "this is [ not toml");
        assertTrue(new PreflightOverrides(toml, true).ramAvailable().isEmpty());
    }

    @Test
    void messagesUseTheScenariosUnits() {
        assertEquals("60.0 MB", Sizes.decimal(60_000_000));
        assertEquals("41.9 MB", Sizes.decimal(40L << 20));
        assertEquals("6.0 GB", Sizes.decimal(6_000_000_000L));
        assertEquals("20.0 GiB", Sizes.binary(20L << 30));
        assertEquals(62_914_560L, Sizes.required(52_428_800L));
        assertEquals(2L, Sizes.required(1L));
    }
}
