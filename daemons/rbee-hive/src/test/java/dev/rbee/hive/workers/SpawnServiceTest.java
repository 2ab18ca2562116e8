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
import dev.rbee.engine.gguf.ArchitectureSupport;
import dev.rbee.hive.models.SpawnModels;
import dev.rbee.hive.preflight.PreflightOverrides;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnServiceTest {
    @TempDir
    Path home;

    private SpawnService service() {
        return service(java.util.Map.of("RBEE_FAKE_DEVICES", "none"));
    }

    private SpawnService service(java.util.Map<String, String> env) {
        HiveConfig config = new HiveConfig("localhost", "127.0.0.1", 0, null, 8001, false, new RbeeHome(home),
                new Distribution(home.resolve("no-dist")), "secret", java.time.Duration.ZERO,
                java.time.Duration.ofMinutes(5), java.time.Duration.ZERO, java.time.Duration.ofSeconds(30), false);
        WorkerRegistry registry = new WorkerRegistry(home.resolve("logs"));
        DeviceInventory devices = new DeviceInventory(home.resolve("models"), env,
                new PreflightOverrides(home.resolve("config.toml"), false));
        return new SpawnService("localhost", devices, new SpawnModels(dev.rbee.hive.models.TestModels.service(home,
                null)), new WorkerLauncher(config, registry, "http://h", new Json(),
                        new LoadingWatch(config.loadingTimeout(), null, "secret", new Json(), null)),
                new Preflight("localhost", devices, ArchitectureSupport.llamaCpp()));
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
    void aSimulatedGpuOutOfRangeIsGpuNotAvailable() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> service(java.util.Map.of("RBEE_FAKE_DEVICES", "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB"))
                        .spawn(new HiveSpawnRequest("demo:tiny", "cuda", 5, 1)));
        assertEquals("GPU_NOT_AVAILABLE", e.code());
        assertEquals("Device 5 not available for cuda on localhost. Available: [0, 1]", e.getMessage());
    }

    @Test
    void missingWorkerLauncherIsAClearError() {
        RbeeException e = assertThrows(RbeeException.class,
                () -> service().spawn(new HiveSpawnRequest("demo:tiny", "cpu", 0, 1)));
        assertEquals("WORKER_BINARY_NOT_FOUND", e.code());
    }
}
