package dev.rbee.engine.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ;temp= ;block= ;fail= attributes of RBEE_FAKE_DEVICES (scenarios S073, S153, S155). */
class FakeDeviceAttributesTest {

    @Test
    void attributesAreReadPerEntry() {
        List<FakeDevice> devices = FakeCudaDevices.devices(
                "cuda:0=24GiB/20GiB;temp=85,cuda:1=8GiB/4GiB;block=1GiB;fail=CUDA device 1 not found");
        assertEquals(Optional.of(85), devices.get(0).temperature());
        assertEquals(20L << 30, devices.get(0).largestFreeBlock());
        assertEquals(1L << 30, devices.get(1).largestFreeBlock());
        assertEquals(Optional.of("CUDA device 1 not found"), devices.get(1).failureMessage());
        assertTrue(devices.get(0).failureMessage().isEmpty());
    }

    @Test
    void aFailingDeviceStillCountsAsPresentForTheHive() {
        CudaInventory inv = FakeCudaDevices.parse("cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB;fail=CUDA device 1 not found");
        assertEquals(2, inv.usableDevices().size());
        assertEquals(Optional.of("CUDA device 1 not found"), FakeCudaDevices.failureFor(
                "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB;fail=CUDA device 1 not found", "cuda", 1));
        assertTrue(FakeCudaDevices.failureFor("cuda:0=24GiB/20GiB", "cuda", 0).isEmpty());
        assertTrue(FakeCudaDevices.failureFor(null, "cuda", 0).isEmpty());
    }

    @Test
    void unknownOrMalformedAttributesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FakeCudaDevices.parse("cuda:0=1GiB/1GiB;color=red"));
        assertThrows(IllegalArgumentException.class, () -> FakeCudaDevices.parse("cuda:0=1GiB/1GiB;temp=hot"));
        assertThrows(IllegalArgumentException.class, () -> FakeCudaDevices.parse("cuda:0=1GiB/1GiB;block=big"));
    }
}
