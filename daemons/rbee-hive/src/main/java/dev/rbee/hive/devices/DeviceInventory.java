package dev.rbee.hive.devices;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.BackendsList;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.hive.Resources;
import dev.rbee.engine.Engine;
import dev.rbee.engine.Engines;
import dev.rbee.engine.cuda.CudaInventory;
import dev.rbee.engine.cuda.CudaProbe;
import dev.rbee.engine.cuda.FakeCudaDevices;
import dev.rbee.engine.cuda.FakeDevice;
import dev.rbee.hive.preflight.PreflightOverrides;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this node can run on: the CPU always, CUDA as the JCuda probe finds it (or as {@code RBEE_FAKE_DEVICES}
 * describes it in tests, said loudly in the log), Metal only on macOS.
 */
public final class DeviceInventory {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceInventory.class);
    public static final String FAKE_DEVICES_ENV = "RBEE_FAKE_DEVICES";

    private final Path modelsDir;
    private final Supplier<CudaInventory> cuda;
    private final List<FakeDevice> fakes;
    private final boolean simulated;
    private final PreflightOverrides overrides;
    /** The workers' engine, asked what it computes on; none with simulated devices, which compute on the CPU. */
    private final Engine engine;
    /** Free VRAM changes as workers load and exit; one preflight reads the inventory several times. */
    private static final long FREE_MEMORY_MAX_AGE_NANOS = 1_000_000_000L;

    public DeviceInventory(Path modelsDir, Map<String, String> env, PreflightOverrides overrides) {
        this.modelsDir = modelsDir;
        this.overrides = overrides;
        String fake = env.get(FAKE_DEVICES_ENV);
        this.simulated = fake != null;
        if (simulated) {
            LOG.warn("⚠️ RBEE_FAKE_DEVICES is set: device inventory is simulated ({})", fake);
            CudaInventory parsed = FakeCudaDevices.parse(fake);
            this.fakes = FakeCudaDevices.devices(fake);
            this.cuda = () -> parsed;
            this.engine = null;
        } else {
            CudaProbe probe = new CudaProbe();
            this.fakes = List.of();
            this.cuda = new RecentAnswer<>(probe::refreshFreeMemory, FREE_MEMORY_MAX_AGE_NANOS);
            this.engine = Engines.create(Engines.DEFAULT, System.err);
        }
    }

    /** Real (not simulated) devices as {@code cuda} finds them, for workers running {@code engine}. */
    DeviceInventory(Path modelsDir, Supplier<CudaInventory> cuda, Engine engine, PreflightOverrides overrides) {
        this.modelsDir = modelsDir;
        this.overrides = overrides;
        this.simulated = false;
        this.fakes = List.of();
        this.cuda = cuda;
        this.engine = engine;
    }

    public BackendsList backends() {
        return new BackendsList(List.of(cudaBackend(), metalBackend(),
                new Backend("cpu", true, null, List.of(Device.real(0, "cpu", 0, 0)))));
    }

    private Backend cudaBackend() {
        CudaInventory inventory = cuda.get();
        List<Device> devices = inventory.usableDevices().stream()
                .map(d -> new Device(d.index(), d.name(), d.totalBytes(), d.freeBytes(), simulated ? true : null))
                .toList();
        if (!inventory.available() || devices.isEmpty()) {
            String reason = inventory.reason() == null ? "no usable CUDA device" : inventory.reason();
            return new Backend("cuda", false, reason, devices);
        }
        return engineCannotRun("cuda").map(reason -> new Backend("cuda", false, reason, devices))
                .orElseGet(() -> new Backend("cuda", true, null, devices));
    }

    /**
     * A device the engine cannot compute on is listed but not available, so that a spawn for it fails at once with
     * the reason instead of a worker that loads and refuses (the stock llama.cpp build is CPU-only on Linux).
     */
    private Optional<String> engineCannotRun(String backend) {
        if (engine == null || engine.backends().contains(backend)) {
            return Optional.empty();
        }
        return Optional.of(backend + " device(s) found, but the workers' engine (" + engine.name()
                + ") computes on " + String.join(", ", engine.backends()) + " only");
    }

    /** Simulated Metal devices ({@code metal:0=...}) stand in for a Mac in tests; otherwise the real probe. */
    private Backend metalBackend() {
        List<Device> fakeMetal = fakes.stream().filter(d -> d.backend().equals("metal"))
                .map(d -> new Device(d.index(), "Simulated Metal device " + d.index(), d.totalBytes(), d.freeBytes(),
                        true)).toList();
        if (!simulated) {
            Backend probed = MetalProbe.probe(HostMemory.read());
            return probed.available() ? engineCannotRun("metal").map(reason -> new Backend("metal", false, reason,
                    probed.devices())).orElse(probed) : probed;
        }
        return fakeMetal.isEmpty() ? new Backend("metal", false, MetalProbe.NOT_MACOS, List.of())
                : new Backend("metal", true, null, fakeMetal);
    }

    public boolean isAvailable(String backend) {
        return backends().backends().stream().anyMatch(b -> b.name().equals(backend) && b.available());
    }

    /** Available backends in the order a spawn without {@code --backend} tries them: cuda, metal, cpu. */
    public List<String> availableBackends() {
        return backends().backends().stream().filter(Backend::available).map(Backend::name).toList();
    }

    public Optional<Backend> backend(String name) {
        return backends().backends().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public List<Integer> deviceIndexes(String backend) {
        return backend(backend).map(b -> b.devices().stream().map(Device::index).toList()).orElse(List.of());
    }

    /** The GPUs of a backend with what the preflight checks: free memory, largest block, temperature. */
    public List<GpuDevice> gpus(String backend) {
        List<GpuDevice> gpus = new ArrayList<>();
        for (Device d : backend(backend).map(Backend::devices).orElse(List.of())) {
            Optional<FakeDevice> fake = fakes.stream()
                    .filter(f -> f.backend().equals(backend) && f.index() == d.index()).findFirst();
            gpus.add(new GpuDevice(backend, d.index(), d.vramFreeBytes(),
                    fake.map(FakeDevice::largestFreeBlock).orElse(d.vramFreeBytes()),
                    fake.flatMap(FakeDevice::temperature).orElse(null)));
        }
        return gpus;
    }

    /** The GPU a spawn without {@code --device} takes: the one with the most free memory. */
    public int defaultDevice(String backend) {
        return gpus(backend).stream().max(java.util.Comparator.comparingLong(GpuDevice::freeBytes))
                .map(GpuDevice::index).orElse(0);
    }

    /** RAM from {@code /proc/meminfo}, disk of the models directory; test-mode overrides replace and are listed. */
    public Resources resources() {
        HostMemory.Ram ram = HostMemory.read();
        File disk = existingAncestor(modelsDir).toFile();
        List<String> overridden = new ArrayList<>();
        OptionalLong ramOverride = overrides.ramAvailable();
        OptionalLong diskOverride = overrides.diskAvailable();
        ramOverride.ifPresent(v -> overridden.add("ram_available"));
        diskOverride.ifPresent(v -> overridden.add("disk_available"));
        return new Resources(ram.totalBytes(), ramOverride.orElse(ram.availableBytes()), disk.getTotalSpace(),
                diskOverride.orElse(disk.getUsableSpace()), modelsDir.toString(),
                Runtime.getRuntime().availableProcessors(), overridden);
    }

    private static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !p.toFile().exists()) {
            p = p.getParent();
        }
        return p == null ? Path.of("/") : p;
    }
}
