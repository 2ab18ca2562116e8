package dev.rbee.hive.devices;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * RAM as the kernel reports it: {@code MemTotal} and {@code MemAvailable} of {@code /proc/meminfo} (what S039 compares
 * against). {@code MemAvailable} counts reclaimable cache, which the JVM's "free memory" does not; elsewhere (macOS)
 * the JVM's numbers are the best there is.
 */
final class HostMemory {
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private HostMemory() {
    }

    record Ram(long totalBytes, long availableBytes) {
    }

    static Ram read() {
        if (Files.isReadable(MEMINFO)) {
            try {
                return parse(Files.readAllLines(MEMINFO));
            } catch (IOException | IllegalArgumentException e) {
                // fall through to the JVM's view
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Ram(os.getTotalMemorySize(), os.getFreeMemorySize());
    }

    static Ram parse(List<String> lines) {
        long total = -1;
        long available = -1;
        for (String line : lines) {
            if (line.startsWith("MemTotal:")) {
                total = kib(line);
            } else if (line.startsWith("MemAvailable:")) {
                available = kib(line);
            }
        }
        if (total < 0 || available < 0) {
            throw new IllegalArgumentException("no MemTotal/MemAvailable in /proc/meminfo");
        }
        return new Ram(total, available);
    }

    private static long kib(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }
}
