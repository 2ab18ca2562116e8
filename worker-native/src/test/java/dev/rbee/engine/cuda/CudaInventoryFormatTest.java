package dev.rbee.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RBEE_FAKE_DEVICES parsing, failure classification and the text the probe's results print as. */
class CudaInventoryFormatTest {

    @Test
    void fakeDevicesOfScenarioS038() {
        CudaInventory inv = FakeCudaDevices.parse("cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB");
        assertTrue(inv.available());
        assertEquals(2, inv.devices().size());
        assertEquals(25_769_803_776L, inv.devices().get(0).totalBytes());
        assertEquals(21_474_836_480L, inv.devices().get(0).freeBytes());
        assertEquals(8_589_934_592L, inv.devices().get(1).totalBytes());
        assertEquals(2_147_483_648L, inv.devices().get(1).freeBytes());
    }

    @ParameterizedTest
    @CsvSource({"40MiB,41943040", "55MB,55000000", "1.5GiB,1610612736", "512 KB,512000", "7B,7", "2TiB,2199023255552"})
    void sizesUseBinaryAndDecimalUnitsAsWritten(String text, long bytes) {
        assertEquals(bytes, FakeCudaDevices.bytes(text));
    }

    @Test
    void noneMeansNoDriverAndOtherBackendsAreSkipped() {
        CudaInventory none = FakeCudaDevices.parse("none");
        assertFalse(none.available());
        assertEquals("CUDA driver not found", none.reason());
        assertEquals(CudaInventory.NO_DRIVER, FakeCudaDevices.parse("metal:0=16GiB/8GiB").reason());
        assertEquals(List.of(3), FakeCudaDevices.parse("metal:0=16GiB/8GiB, cuda:3=8GiB/1GiB").devices().stream()
                .map(CudaDevice::index).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cuda0=1GiB/1GiB", "cuda:0=1GiB", "cuda:0=1GiB/2GiB",
            "cuda:0=1GiB/1GiB,cuda:0=2GiB/1GiB",
            "cuda:0=1 parsec/1GiB", "rocm:0=1GiB/1GiB", "cuda:0=99999999TiB/1GiB"})
    void malformedFakeDevicesAreRefused(String spec) {
        assertThrows(IllegalArgumentException.class, () -> FakeCudaDevices.parse(spec));
    }

    @Test
    void devicesDescribeThemselvesInOneLine() {
        CudaDevice d = new CudaDevice(1, "NVIDIA L4", 8, 9, 24L << 30, (long) (20.5 * (1L << 30)), null);
        assertEquals("cuda:1 NVIDIA L4, compute 8.9, 24.0 GiB total, 20.5 GiB free", d.describe());
        assertEquals("cuda:0 A100 (failed: cuInit failed: X)",
                CudaDevice.failed(0, "A100", "cuInit failed: X").describe());
        CudaInventory inv = CudaInventory.of(12060, List.of(d));
        assertEquals("cuda: driver 12.6, 1 device" + System.lineSeparator() + "  " + d.describe(), inv.describe());
        assertEquals("cuda: not available (CUDA driver not found: libcuda.so.1 missing)",
                CudaInventory.unavailable(CudaInventory.NO_DRIVER, "libcuda.so.1 missing").describe());
    }

    @Test
    void mostFreeMemoryPicksTheDefaultDeviceAndTiesGoToTheLowerIndex() {
        CudaInventory inv = CudaInventory.of(0, List.of(
                new CudaDevice(2, "b", 8, 0, 10, 5, null),
                new CudaDevice(0, "a", 8, 0, 10, 5, null),
                new CudaDevice(1, "c", 8, 0, 10, 9, "failed")));
        assertEquals(List.of(0, 1, 2), inv.devices().stream().map(CudaDevice::index).toList());
        assertEquals(0, inv.deviceWithMostFreeMemory().orElseThrow().index());
    }

    @Test
    void driverLoadFailuresBecomeShortReasons() {
        UnsatisfiedLinkError linux = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver-12.6.0-"
                + "linux-x86_64\"\n---(start of nested stack traces)---\njava.lang.UnsatisfiedLinkError: /tmp/libJCuda"
                + "Driver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot open shared object file: "
                + "No such file or directory");
        assertEquals(CudaInventory.NO_DRIVER, CudaFailures.notLoadable(linux).reason());
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver");
        later.initCause(new ExceptionInInitializerError("Exception " + linux));
        assertEquals(CudaInventory.NO_DRIVER, CudaFailures.notLoadable(later).reason());
        UnsatisfiedLinkError windows = new UnsatisfiedLinkError("C:\\Temp\\JCudaDriver-12.6.0-windows-x86_64.dll: "
                + "Can't find dependent libraries");
        assertEquals(CudaInventory.NO_DRIVER, CudaFailures.notLoadable(windows).reason());
        NoClassDefFoundError noJar = new NoClassDefFoundError("jcuda/driver/JCudaDriver");
        assertTrue(CudaFailures.notLoadable(noJar).reason().contains("JCuda is missing"));
        UnsatisfiedLinkError otherPlatform = new UnsatisfiedLinkError("Error while loading native library "
                + "\"JCudaDriver-12.6.0-apple-aarch64\"");
        CudaInventory mac = CudaFailures.notLoadable(otherPlatform);
        assertTrue(mac.reason().startsWith("JCuda has no native library for "), mac.reason());
        assertEquals("java.lang.UnsatisfiedLinkError: Error while loading native library "
                + "\"JCudaDriver-12.6.0-apple-aarch64\"", mac.detail());
    }

    @ParameterizedTest
    @CsvSource({"CUDA_ERROR_NO_DEVICE,no CUDA device found",
            "CUDA_ERROR_INSUFFICIENT_DRIVER,the CUDA driver is too old for CUDA 12",
            "CUDA_ERROR_UNKNOWN,the CUDA driver failed to initialise (CUDA_ERROR_UNKNOWN)"})
    void initFailuresAreNamed(String error, String reason) {
        CudaInventory inv = CudaFailures.initFailed(new CudaCallException("cuInit", 1, error));
        assertEquals(reason, inv.reason());
        assertEquals("cuInit failed: " + error + " (1)", inv.detail());
    }
}
