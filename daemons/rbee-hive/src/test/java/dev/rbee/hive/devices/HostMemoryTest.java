package dev.rbee.hive.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostMemoryTest {
    @Test
    void totalAndAvailableComeFromMeminfoInKib() {
        HostMemory.Ram ram = HostMemory.parse(List.of("MemTotal:       16318148 kB", "MemFree:  1 kB",
                "MemAvailable:   12000000 kB"));
        assertEquals(16_318_148L * 1024, ram.totalBytes());
        assertEquals(12_000_000L * 1024, ram.availableBytes());
    }

    @Test
    void aMeminfoWithoutTheFieldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HostMemory.parse(List.of("MemTotal: 1 kB")));
    }
}
