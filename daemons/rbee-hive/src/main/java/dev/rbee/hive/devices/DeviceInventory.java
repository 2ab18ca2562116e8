package dev.rbee.hive.devices;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.BackendsList;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.hive.Resources;
import dev.rbee.engine.cuda.CudaInventory;
import dev.rbee.engine.cuda.CudaProbe;
import dev.rbee.engine.cuda.FakeCudaDevices;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    private final boolean simulated;

    public DeviceInventory(Path modelsDir, Map<String, String> env) {
        this.modelsDir = modelsDir;
        String fake = env.get(FAKE_DEVICES_ENV);
        this.simulated = fake != null;
        if (simulated) {
            LOG.warn("⚠️ RBEE_FAKE_DEVICES is set: device inventory is simulated ({})", fake);
            CudaInventory parsed = FakeCudaDevices.parse(fake);
            this.cuda = () -> parsed;
        } else {
            CudaProbe probe = new CudaProbe();
            this.cuda = probe::inventory;
        }
    }

    public BackendsList backends() {
        boolean mac = System.getProperty("os.name", "").toLowerCase().contains("mac");
        return new BackendsList(List.of(cudaBackend(),
                new Backend("metal", false, mac ? "Metal support is not built into this rbee-hive yet"
                        : "Metal is only available on macOS", List.of()),
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
        return new Backend("cuda", true, null, devices);
    }

    public boolean isAvailable(String backend) {
        return backends().backends().stream().anyMatch(b -> b.name().equals(backend) && b.available());
    }

    /** Available backends in the order a spawn without {@code --backend} tries them: cuda, metal, cpu. */
    public List<String> availableBackends() {
        return backends().backends().stream().filter(Backend::available).map(Backend::name).toList();
    }

    public List<Integer> deviceIndexes(String backend) {
        return backends().backends().stream().filter(b -> b.name().equals(backend))
                .flatMap(b -> b.devices().stream()).map(Device::index).toList();
    }

    /** The GPU a spawn without {@code --device} takes: the one with the most free memory. */
    public int defaultDevice(String backend) {
        return backends().backends().stream().filter(b -> b.name().equals(backend))
                .flatMap(b -> b.devices().stream())
                .max(java.util.Comparator.comparingLong(Device::vramFreeBytes)).map(Device::index).orElse(0);
    }

    public Resources resources() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        File disk = existingAncestor(modelsDir).toFile();
        return new Resources(os.getTotalMemorySize(), os.getFreeMemorySize(), disk.getTotalSpace(),
                disk.getUsableSpace(), modelsDir.toString(), Runtime.getRuntime().availableProcessors());
    }

    private static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !p.toFile().exists()) {
            p = p.getParent();
        }
        return p == null ? Path.of("/") : p;
    }
}
