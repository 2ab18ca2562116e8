package dev.rbee.desktop.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.queen.HeartbeatResources;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.desktop.workers.Placement.Problem;
import dev.rbee.desktop.workers.Placement.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

class PlacementTest {
    static final long GB = 1_000_000_000L;

    /** A workstation with 16 GB of free RAM, two CUDA devices (8 GB and 2 GB free) and no Metal. */
    static HiveStatus workstation(long ramAvailable) {
        List<Backend> backends = List.of(
                new Backend("cuda", true, null, List.of(Device.real(0, "RTX A", 24 * GB, 8 * GB),
                        Device.real(1, "RTX B", 24 * GB, 2 * GB))),
                new Backend("metal", false, "not macOS", List.of()),
                new Backend("cpu", true, null, List.of(Device.real(0, "CPU", 0, 0))));
        return new HiveStatus("workstation", true, "running", "http://ws:9200", "0.1.0", 42L, null, backends,
                new HeartbeatResources(ramAvailable, 100 * GB), 0, null);
    }

    static Placement.Facts facts(Long modelBytes) {
        return new Placement.Facts("workstation", workstation(16 * GB), List.of("cuda", "cpu"), modelBytes);
    }

    @Test
    void aSmallModelFitsOnTheCpu() {
        Verdict v = Placement.check(facts(1_000_000L), "cpu", null);
        assertTrue(v.fits(), v.text());
        assertEquals("Fits on workstation (cpu): needs 1.2 MB of RAM, 16.0 GB available", v.text());
    }

    @Test
    void aModelFitsOnTheNamedGpu() {
        Verdict v = Placement.check(facts(5 * GB), "cuda", 0);
        assertTrue(v.fits(), v.text());
        assertEquals("Fits on cuda:0 of workstation: needs 6.0 GB of VRAM, 8.0 GB free", v.text());
    }

    @Test
    void withoutABackendTheHivesChoiceIsCheckedOnTheDeviceWithMostFreeVram() {
        Verdict v = Placement.check(facts(5 * GB), null, null);
        assertTrue(v.fits(), v.text());
        assertTrue(v.text().startsWith("Fits on cuda:0"), v.text());
    }

    @Test
    void notEnoughVramOnTheNamedDevice() {
        Verdict v = Placement.check(facts(5 * GB), "cuda", 1);
        assertEquals(Problem.VRAM, v.problem());
        assertEquals("Not enough VRAM on cuda:1 of workstation: need 6.0 GB, have 2.0 GB", v.text());
    }

    @Test
    void noDeviceHasEnoughVram() {
        Verdict v = Placement.check(facts(10 * GB), "cuda", null);
        assertEquals(Problem.VRAM, v.problem());
        assertEquals("No cuda device on workstation has 12.0 GB of free VRAM (most free: cuda:0 with 8.0 GB)",
                v.text());
    }

    @Test
    void notEnoughRamComesBeforeVram() {
        Placement.Facts small = new Placement.Facts("workstation", workstation(4 * GB), List.of(), 5 * GB);
        Verdict v = Placement.check(small, "cuda", 0);
        assertEquals(Problem.RAM, v.problem());
        assertEquals("Not enough RAM on workstation: need 6.0 GB, have 4.0 GB", v.text());
    }

    @Test
    void ramNeedIsTheSizeTimesOnePointTwoRoundedUp() {
        assertEquals(1_200_000L, Placement.required(1_000_000L));
        assertEquals(2L, Placement.required(1L));
        Placement.Facts exact = new Placement.Facts("n", workstation(1_200_000L), List.of(), 1_000_000L);
        assertTrue(Placement.check(exact, "cpu", null).fits(), "exactly enough RAM fits");
    }

    @Test
    void anUnavailableBackendSaysWhyAndWhatIsThere() {
        Verdict v = Placement.check(facts(GB), "metal", null);
        assertEquals(Problem.BACKEND, v.problem());
        assertEquals("Backend metal is not available on workstation: not macOS (available: cuda, cpu)", v.text());
    }

    @Test
    void aBackendTheNodeDoesNotHaveAtAll() {
        HiveStatus cpuOnly = new HiveStatus("laptop", true, "running", null, null, null, null,
                List.of(new Backend("cpu", true, null, List.of(Device.real(0, "CPU", 0, 0)))),
                new HeartbeatResources(8 * GB, GB), 0, null);
        Verdict v = Placement.check(new Placement.Facts("laptop", cpuOnly, List.of("cpu"), GB), "cuda", null);
        assertEquals(Problem.BACKEND, v.problem());
        assertEquals("Backend cuda is not available on laptop (available: cpu)", v.text());
    }

    @Test
    void aDeviceTheBackendDoesNotHave() {
        Verdict v = Placement.check(facts(GB), "cuda", 3);
        assertEquals(Problem.DEVICE, v.problem());
        assertEquals("No device 3 for cuda on workstation (devices: 0, 1)", v.text());
    }

    @Test
    void aStoppedHiveIsJudgedByTheRegistrysBackendsOnly() {
        Placement.Facts stopped = new Placement.Facts("gpu-box", HiveStatus.stopped("gpu-box"), List.of("cpu"), GB);
        assertEquals(Problem.BACKEND, Placement.check(stopped, "cuda", null).problem());
        Verdict cpu = Placement.check(stopped, "cpu", null);
        assertTrue(cpu.fits(), cpu.text());
        assertTrue(cpu.text().contains("not running"), cpu.text());
    }

    @Test
    void aModelNotInTheCatalogIsDownloadedFirst() {
        Verdict v = Placement.check(facts(null), "cpu", null);
        assertTrue(v.fits());
        assertTrue(v.text().contains("downloaded first"), v.text());
    }
}
