package dev.rbee.hive.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.error.RbeeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnModelsTest {
    @TempDir
    Path models;

    @Test
    void demoTinyIsGeneratedOnFirstUseAndThenReused() throws Exception {
        SpawnModels spawnModels = new SpawnModels(TestModels.service(models, null));
        Path first = spawnModels.resolve("demo:tiny");
        assertTrue(Files.isRegularFile(first));
        long written = Files.getLastModifiedTime(first).toMillis();
        Thread.sleep(20);
        assertEquals(first, spawnModels.resolve("demo:tiny"));
        assertEquals(written, Files.getLastModifiedTime(first).toMillis());
    }

    @Test
    void fileRefsAreUsedInPlaceAndAMissingFileIsModelNotFound() throws Exception {
        Path file = Files.writeString(models.resolve("my model 'quoted'.gguf"), "x");
        assertEquals(file, new SpawnModels(TestModels.service(models, null)).resolve("file:" + file));
        RbeeException e = assertThrows(RbeeException.class,
                () -> new SpawnModels(TestModels.service(models, null)).resolve("file:" + models.resolve("absent.gguf")));
        assertEquals("MODEL_NOT_FOUND", e.code());
        assertEquals("file_missing", e.details().get("reason"));
    }

    @Test
    void hfRefsWithoutACatalogAreNotFoundAndBadRefsAreInvalid() {
        assertEquals("MODEL_NOT_FOUND", assertThrows(RbeeException.class,
                () -> new SpawnModels(TestModels.service(models, null)).resolve("hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF")).code());
        assertEquals("INVALID_MODEL_REF", assertThrows(RbeeException.class,
                () -> new SpawnModels(TestModels.service(models, null)).resolve("invalid-format")).code());
    }
}
