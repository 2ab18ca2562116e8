package dev.rbee.hive.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.Distribution;
import dev.rbee.hive.HiveConfig;
import dev.rbee.hive.devices.DeviceInventory;
import dev.rbee.hive.models.SpawnModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnServiceTest {
    @TempDir
    Path home;

    private SpawnService service() {
        HiveConfig config = new HiveConfig("localhost", "127.0.0.1", 0, null, 8001, false, new RbeeHome(home),
                new Distribution(home.resolve("no-dist")), "secret");
        WorkerRegistry registry = new WorkerRegistry();
        return new SpawnService("localhost", new DeviceInventory(home.resolve("models")),
                new SpawnModels(home.resolve("models")), new WorkerLauncher(config, registry, "http://h", new Json()));
    }

    @Test
    void allFieldErrorsAtOnce() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> service().spawn(new HiveSpawnRequest(null, "quantum", -1, 17)));
        assertEquals("INVALID_REQUEST", e.code());
        assertEquals(4, ((List<?>) e.details().get("errors")).size());
    }

    @Test
    void gpuBackendIsRefusedWithoutFallingBackToCpu() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> service().spawn(new HiveSpawnRequest("demo:tiny", "cuda", 0, 1)));
        assertEquals("BACKEND_UNAVAILABLE", e.code());
        assertEquals(List.of("cpu"), e.details().get("available"));
    }

    @Test
    void missingWorkerLauncherIsAClearError() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> service().spawn(new HiveSpawnRequest("demo:tiny", "cpu", 0, 1)));
        assertEquals("WORKER_BINARY_NOT_FOUND", e.code());
    }
}
