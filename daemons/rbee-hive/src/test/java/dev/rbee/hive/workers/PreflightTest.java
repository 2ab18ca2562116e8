package dev.rbee.hive.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.HiveSpawnRequest;
import dev.rbee.engine.demo.DemoModels;
import dev.rbee.engine.gguf.ArchitectureSupport;
import dev.rbee.engine.gguf.GgufWriter;
import dev.rbee.hive.devices.DeviceInventory;
import dev.rbee.hive.preflight.PreflightOverrides;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spawn preflight of api.md §6.2 against real GGUF headers and simulated devices (S058-S066, S151-S155). */
class PreflightTest {
    private static final String TWO_GPUS = "cuda:0=24GiB/20GiB,cuda:1=8GiB/2GiB";
    @TempDir
    Path home;

    private Preflight preflight(String fakeDevices, String ramOverride) throws IOException {
        Files.writeString(home.resolve("config.toml"), "[preflight]\nram_available_override = \"" + ramOverride
                + "\"\n");
        DeviceInventory devices = new DeviceInventory(home.resolve("models"), Map.of("RBEE_FAKE_DEVICES", fakeDevices),
                new PreflightOverrides(home.resolve("config.toml"), true));
        return new Preflight("workstation", devices, ArchitectureSupport.llamaCpp());
    }

    /** demo:tiny's header, padded to the size a scenario names: the preflight only reads the header and stats. */
    private Path model(long bytes) throws IOException {
        Path file = DemoModels.ensureDemoTiny(home.resolve("models"));
        Path sized = home.resolve("model-" + bytes + ".gguf");
        Files.copy(file, sized);
        try (RandomAccessFile raf = new RandomAccessFile(sized.toFile(), "rw")) {
            raf.setLength(bytes);
        }
        return sized;
    }

    private static RbeeException refused(Preflight p, String backend, Integer device, Path model) {
        return assertThrows(RbeeException.class, () -> p.check(new HiveSpawnRequest("file:" + model, backend, device,
                null), model));
    }

    @Test
    void ramCheckPassesAndIsNarrated() throws IOException {
        Path model = model(50_000_000);
        Preflight.Plan plan = preflight("none", "80MB").check(new HiveSpawnRequest("file:" + model, "cpu", null, null),
                model);
        assertEquals(List.of("✅ RAM check: need 60.0 MB, have 80.0 MB"), plan.narration());
        assertEquals("cpu", plan.backend());
    }

    @Test
    void ramCheckFailsWithTheNumbers() throws IOException {
        Path model = model(50_000_000);
        RbeeException e = refused(preflight("none", "40MB"), "cpu", null, model);
        assertEquals("INSUFFICIENT_RAM", e.code());
        assertEquals("Not enough RAM on workstation: need 60.0 MB, have 40.0 MB", e.getMessage());
        assertEquals(60_000_000L, ((Number) e.details().get("required_bytes")).longValue());
        assertEquals(40_000_000L, ((Number) e.details().get("available_bytes")).longValue());
    }

    @Test
    void namedGpuWithTooLittleVramIsRefusedWithoutCpuFallback() throws IOException {
        Path model = model(50_000_000);
        RbeeException e = refused(preflight("cuda:0=24GiB/20GiB,cuda:1=8GiB/40MiB", "8GiB"), "cuda", 1, model);
        assertEquals("INSUFFICIENT_VRAM", e.code());
        assertEquals("Not enough VRAM on cuda:1 of workstation: need 60.0 MB, have 41.9 MB", e.getMessage());
    }

    @Test
    void namedGpuThatFitsIsNarrated() throws IOException {
        Path model = model(12L << 20);
        Preflight.Plan plan = preflight(TWO_GPUS, "8GiB").check(new HiveSpawnRequest("file:" + model, "cuda", 1,
                null), model);
        assertEquals(1, plan.device());
        assertTrue(plan.narration().contains("✅ Backend cuda: device 1 available, 2.0 GiB free"), plan.narration()
                .toString());
    }

    @Test
    void noDeviceGivenPicksTheMostFreeVram() throws IOException {
        Path model = model(12L << 20);
        Preflight.Plan plan = preflight(TWO_GPUS, "8GiB").check(new HiveSpawnRequest("file:" + model, null, null,
                null), model);
        assertEquals("cuda", plan.backend());
        assertEquals(0, plan.device());
        assertTrue(plan.narration().contains("Selected CUDA device 0 (20.0 GiB free)"));
    }

    @Test
    void noDeviceFitsIsGpuVramExhausted() throws IOException {
        Path model = model(50_000_000);
        RbeeException e = refused(preflight("cuda:0=1GiB/10MiB,cuda:1=1GiB/20MiB", "8GiB"), "cuda", null, model);
        assertEquals("GPU_VRAM_EXHAUSTED", e.code());
    }

    @Test
    void aHotGpuIsRefusedAndACoolOneWorks() throws IOException {
        Path model = model(12L << 20);
        Preflight p = preflight("cuda:0=24GiB/20GiB;temp=85,cuda:1=8GiB/2GiB;temp=60", "8GiB");
        RbeeException e = refused(p, "cuda", 0, model);
        assertEquals("GPU_TOO_HOT", e.code());
        assertEquals("cuda:0 on workstation is at 85 °C (limit 80 °C)", e.getMessage());
        assertEquals(1, p.check(new HiveSpawnRequest("file:" + model, "cuda", 1, null), model).device());
    }

    @Test
    void fragmentedVramIsRefused() throws IOException {
        Path model = model(1_666_666_667L);
        RbeeException e = refused(preflight("cuda:1=8GiB/4GiB;block=1GiB", "8GiB"), "cuda", 1, model);
        assertEquals("VRAM_FRAGMENTED", e.code());
        assertEquals("cuda:1 has 4.0 GiB free but no block of 2.0 GB", e.getMessage());
    }

    @Test
    void anUnsupportedArchitectureIsRefusedBeforeAnyWorker() throws IOException {
        Path mamba = home.resolve("mamba.gguf");
        new GgufWriter().putString("general.architecture", "mamba").writeTo(mamba);
        RbeeException e = refused(preflight("none", "8GiB"), "cpu", null, mamba);
        assertEquals("MODEL_INCOMPATIBLE", e.code());
        assertTrue(e.getMessage().startsWith("Model file:" + mamba + " cannot run on cpu: architecture 'mamba' is not"
                + " supported (supported: "), e.getMessage());
    }

    @Test
    void aFileThatIsNotGgufIsRefused() throws IOException {
        Path text = home.resolve("notes.gguf");
        Files.writeString(text, "hello, not a model");
        RbeeException e = refused(preflight("none", "8GiB"), "cpu", null, text);
        assertEquals("MODEL_INCOMPATIBLE", e.code());
        assertEquals("Model file:" + text + " is not a GGUF file (bad magic)", e.getMessage());
    }
}
