package dev.rbee.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The probe's logic against a scripted driver: what it lists, how it fails, and that it probes once. */
class CudaProbeTest {
    private static final long GIB = 1L << 30;

    private static CudaProbe probe(FakeDriver driver) {
        return new CudaProbe(driver, Duration.ofSeconds(5));
    }

    @Test
    void listsEveryDeviceWithNameComputeCapabilityAndMemory() {
        CudaInventory inv = probe(new FakeDriver().gpu("NVIDIA H100", 80 * GIB, 79 * GIB)
                .gpu("NVIDIA L4", 24 * GIB, 20 * GIB)).inventory();
        assertTrue(inv.available());
        assertEquals("", inv.reason());
        assertEquals("12.4", inv.driverVersionText());
        assertEquals(List.of(new CudaDevice(0, "NVIDIA H100", 9, 0, 80 * GIB, 79 * GIB, null),
                new CudaDevice(1, "NVIDIA L4", 9, 0, 24 * GIB, 20 * GIB, null)), inv.devices());
        assertEquals(0, inv.deviceWithMostFreeMemory().orElseThrow().index());
    }

    @Test
    void noDeviceIsUnavailableWithAReason() {
        FakeDriver driver = new FakeDriver();
        driver.initError = "CUDA_ERROR_NO_DEVICE";
        CudaInventory inv = probe(driver).inventory();
        assertFalse(inv.available());
        assertEquals("no CUDA device found", inv.reason());
        assertEquals("cuInit failed: CUDA_ERROR_NO_DEVICE (100)", inv.detail());
    }

    @Test
    void aFailingDeviceStaysListedWithItsError() {
        CudaInventory inv = probe(new FakeDriver().brokenGpu("A100").gpu("L4", 24 * GIB, 3 * GIB)).inventory();
        assertTrue(inv.available());
        CudaDevice broken = inv.device(0).orElseThrow();
        assertFalse(broken.usable());
        assertTrue(broken.error().contains("CUDA_ERROR_DEVICES_UNAVAILABLE"), broken.error());
        assertEquals(1, inv.deviceWithMostFreeMemory().orElseThrow().index());
    }

    @Test
    void onlyFailingDevicesMeanNoUsableCuda() {
        CudaInventory inv = probe(new FakeDriver().brokenGpu("A100")).inventory();
        assertFalse(inv.available());
        assertEquals("no usable CUDA device", inv.reason());
        assertEquals(1, inv.devices().size());
    }

    @Test
    void probesOnceHoweverManyThreadsAsk() throws Exception {
        FakeDriver driver = new FakeDriver().gpu("L4", 24 * GIB, 20 * GIB);
        CudaProbe probe = probe(driver);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<CudaInventory>> answers = pool.invokeAll(java.util.Collections.nCopies(16, probe::inventory));
            for (Future<CudaInventory> a : answers) {
                assertSame(answers.getFirst().get(), a.get());
            }
        }
        assertEquals(1, driver.initCalls.get());
    }

    @Test
    void refreshReadsFreeMemoryAgainWithoutReloadingTheDriver() {
        FakeDriver driver = new FakeDriver().gpu("L4", 24 * GIB, 20 * GIB);
        CudaProbe probe = probe(driver);
        probe.inventory();
        driver.freeDelta = 5 * GIB;
        CudaInventory now = probe.refreshFreeMemory();
        assertEquals(15 * GIB, now.devices().getFirst().freeBytes());
        assertEquals(20 * GIB, probe.inventory().devices().getFirst().freeBytes());
        assertEquals(1, driver.initCalls.get());
        assertEquals(2, driver.freeCalls.get());
    }

    @Test
    void aHangingDriverTimesOutOnceAndIsNotAskedAgain() {
        FakeDriver driver = new FakeDriver().gpu("L4", GIB, GIB);
        driver.hangUntil = new CountDownLatch(1);
        CudaProbe probe = new CudaProbe(driver, Duration.ofMillis(200));
        long start = System.nanoTime();
        CudaInventory inv = probe.inventory();
        assertFalse(inv.available());
        assertEquals("the CUDA driver did not answer within 200 ms", inv.reason());
        assertSame(inv, probe.refreshFreeMemory());
        assertSame(inv, probe.inventory());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
        assertEquals(1, driver.initCalls.get());
        driver.hangUntil.countDown();
    }

    @Test
    void anInterruptedCallerLeavesTheProbeToTheNextCaller() throws Exception {
        FakeDriver driver = new FakeDriver().gpu("L4", GIB, GIB);
        driver.hangUntil = new CountDownLatch(1);
        CudaProbe probe = probe(driver);
        Thread.currentThread().interrupt();
        try {
            assertEquals("the CUDA probe was interrupted", probe.inventory().reason());
        } finally {
            assertTrue(Thread.interrupted()); // clears the flag again for the rest of the test
        }
        driver.hangUntil.countDown();
        assertTrue(probe.inventory().available());
        assertEquals(1, driver.initCalls.get());
    }

    @Test
    void missingNativeLibraryIsReportedNotThrown() {
        FakeDriver driver = new FakeDriver();
        driver.initLinkage = new UnsatisfiedLinkError("/tmp/libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: "
                + "cannot open shared object file: No such file or directory");
        CudaInventory inv = probe(driver).inventory();
        assertEquals(CudaInventory.NO_DRIVER, inv.reason());
        assertEquals("libcuda.so.1: cannot open shared object file: No such file or directory", inv.detail());
    }

    @Test
    void aBugInTheBindingIsReportedWithItsCause() {
        FakeDriver driver = new FakeDriver();
        driver.initThrows = new IllegalStateException("binding bug");
        CudaInventory inv = probe(driver).inventory();
        assertFalse(inv.available());
        assertEquals("the CUDA probe failed", inv.reason());
        assertTrue(inv.detail().contains("binding bug"));
    }
}
