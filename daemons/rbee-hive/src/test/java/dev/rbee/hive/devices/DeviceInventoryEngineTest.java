package dev.rbee.hive.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.hive.Backend;
import dev.rbee.engine.Engine;
import dev.rbee.engine.LoadListener;
import dev.rbee.engine.LoadRequest;
import dev.rbee.engine.LoadedModel;
import dev.rbee.engine.cuda.CudaDevice;
import dev.rbee.engine.cuda.CudaInventory;
import dev.rbee.hive.preflight.PreflightOverrides;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real GPU is only offered when the workers' engine can compute on it (seen on an H200 with the CPU-only build). */
class DeviceInventoryEngineTest {
    @TempDir
    Path home;

    private static final CudaInventory H200 = CudaInventory.of(13000, List.of(
            new CudaDevice(0, "NVIDIA H200", 9, 0, 150_109_880_320L, 149_557_477_376L, null)));

    @Test
    void aGpuTheEngineCannotComputeOnIsListedButNotAvailable() {
        DeviceInventory inventory = new DeviceInventory(home, () -> H200, engineFor("cpu"), overrides());
        Backend cuda = inventory.backend("cuda").orElseThrow();
        assertFalse(cuda.available());
        assertEquals("cuda device(s) found, but the workers' engine (test engine) computes on cpu only", cuda.reason());
        assertEquals("NVIDIA H200", cuda.devices().getFirst().name());
        assertEquals(List.of("cpu"), inventory.availableBackends());
    }

    @Test
    void aGpuTheEngineComputesOnIsAvailable() {
        DeviceInventory inventory = new DeviceInventory(home, () -> H200, engineFor("cpu", "cuda"), overrides());
        assertTrue(inventory.isAvailable("cuda"));
        assertEquals(List.of("cuda", "cpu"), inventory.availableBackends());
    }

    @Test
    void freeMemoryIsReadAgainOnceTheLastAnswerIsOlderThanItsMaximumAge() throws InterruptedException {
        AtomicLong reads = new AtomicLong();
        RecentAnswer<Long> free = new RecentAnswer<>(reads::incrementAndGet, 50_000_000L);
        assertEquals(1L, free.get());
        assertEquals(1L, free.get());
        Thread.sleep(80);
        assertEquals(2L, free.get());
    }

    private PreflightOverrides overrides() {
        return new PreflightOverrides(home.resolve("config.toml"), false);
    }

    private static Engine engineFor(String... backends) {
        return new Engine() {
            @Override
            public String name() {
                return "test engine";
            }

            @Override
            public Set<String> backends() {
                return Set.of(backends);
            }

            @Override
            public LoadedModel load(LoadRequest request, LoadListener listener) {
                throw new UnsupportedOperationException("never loads");
            }
        };
    }
}
