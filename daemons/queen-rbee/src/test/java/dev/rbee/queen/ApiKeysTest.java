package dev.rbee.queen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
    @TempDir
    Path dir;

    @Test
    void theFileWinsOverTheEnvironmentAndIsTrimmed() throws Exception {
        Path file = Files.writeString(dir.resolve("my \"key\" file"), "  k-123 \n");
        assertEquals(Optional.of("k-123"), ApiKeys.configured(file, Map.of("RBEE_API_KEY", "env-key")));
        assertEquals(Optional.of("env-key"), ApiKeys.configured(null, Map.of("RBEE_API_KEY", " env-key ")));
        assertEquals(Optional.empty(), ApiKeys.configured(null, Map.of("RBEE_API_KEY", "  ")));
    }

    @Test
    void anEmptyOrMissingFileIsAClearError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.configured(empty, Map.of()))
                .getMessage().contains("is empty"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.configured(dir.resolve("nope"), Map.of())).getMessage().contains("cannot read"));
    }

    @Test
    void onlyLoopbackMayGoWithoutAKey() {
        assertDoesNotThrow(() -> ApiKeys.requireForBind("127.0.0.1", 8080, Optional.empty()));
        assertDoesNotThrow(() -> ApiKeys.requireForBind("localhost", 8080, Optional.empty()));
        assertDoesNotThrow(() -> ApiKeys.requireForBind("0.0.0.0", 8080, Optional.of("k")));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.requireForBind("0.0.0.0", 8080, Optional.empty()));
        assertTrue(refused.getMessage().contains("Refusing to bind 0.0.0.0:8080 without an API key"));
    }
}
