package dev.rbee.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The real probe through JCuda. Build machines have no GPU; on one with a driver the device checks run instead. */
class JCudaProbeTest {

    private static boolean driverInstalled() {
        return Stream.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1", "/usr/lib64/libcuda.so.1",
                "/usr/lib/wsl/lib/libcuda.so.1", "/lib/libcuda.so.1", "/usr/lib/libcuda.so.1",
                "/usr/local/nvidia/lib64/libcuda.so.1").anyMatch(p -> Files.exists(Path.of(p)));
    }

    @Test
    void answersQuicklyAndTheSameEveryTime() {
        CudaProbe probe = new CudaProbe();
        long start = System.nanoTime();
        CudaInventory first = probe.inventory();
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos(), "probe took too long");
        assertSame(first, probe.inventory());
        if (first.available()) {
            assertFalse(first.usableDevices().isEmpty());
            first.usableDevices().forEach(d -> assertTrue(d.totalBytes() > 0 && d.computeMajor() > 0, d.describe()));
        } else {
            assertFalse(first.reason().isBlank());
        }
    }

    @Test
    void withoutADriverCudaIsUnavailableBecauseTheDriverIsNotFound() {
        assumeFalse(driverInstalled(), "this machine has a CUDA driver");
        for (int i = 0; i < 2; i++) { // the second instance meets JCuda's failed class initialisation instead
            CudaInventory inv = new CudaProbe().inventory();
            assertFalse(inv.available());
            assertEquals(CudaInventory.NO_DRIVER, inv.reason());
            assertTrue(inv.detail().startsWith("libcuda.so.1"), inv.detail());
            assertTrue(inv.devices().isEmpty());
        }
    }
}
