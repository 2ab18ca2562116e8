package dev.rbee.hive.devices;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.BackendsList;
import dev.rbee.contract.hive.Device;
import dev.rbee.contract.hive.Resources;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * What this node can run on. The skeleton knows the CPU only: CUDA detection through JCuda and the simulated test
 * inventory arrive with the hive issue, so until then cuda is reported unavailable with that reason.
 */
public final class DeviceInventory {
    private final Path modelsDir;

    public DeviceInventory(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    public BackendsList backends() {
        boolean mac = System.getProperty("os.name", "").toLowerCase().contains("mac");
        return new BackendsList(List.of(
                new Backend("cuda", false, "CUDA detection is not built into this rbee-hive yet", List.of()),
                new Backend("metal", false, mac ? "Metal support is not built into this rbee-hive yet"
                        : "Metal is only available on macOS", List.of()),
                new Backend("cpu", true, null, List.of(Device.real(0, "cpu", 0, 0)))));
    }

    public boolean isAvailable(String backend) {
        return backends().backends().stream().anyMatch(b -> b.name().equals(backend) && b.available());
    }

    public List<String> availableBackends() {
        return backends().backends().stream().filter(Backend::available).map(Backend::name).toList();
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
