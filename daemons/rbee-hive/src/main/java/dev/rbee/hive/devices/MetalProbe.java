package dev.rbee.hive.devices;

import dev.rbee.contract.hive.Backend;
import dev.rbee.contract.hive.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metal exists only on macOS; there {@code system_profiler SPDisplaysDataType} says whether the GPU supports it.
 * Apple GPUs share the machine's memory, so the device reports RAM as its memory.
 */
final class MetalProbe {
    private static final Logger LOG = LoggerFactory.getLogger(MetalProbe.class);
    static final String NOT_MACOS = "Metal is only available on macOS";

    private MetalProbe() {
    }

    static Backend probe(HostMemory.Ram ram) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            return new Backend("metal", false, NOT_MACOS, List.of());
        }
        String report = systemProfiler();
        if (!report.contains("Metal")) {
            return new Backend("metal", false, "no Metal-capable GPU found by system_profiler", List.of());
        }
        String name = report.lines().map(String::strip).filter(l -> l.startsWith("Chipset Model:"))
                .map(l -> l.substring("Chipset Model:".length()).strip()).findFirst().orElse("Apple GPU");
        return new Backend("metal", true, null, List.of(Device.real(0, name, ram.totalBytes(), ram.availableBytes())));
    }

    private static String systemProfiler() {
        try {
            Process p = new ProcessBuilder("system_profiler", "SPDisplaysDataType").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("system_profiler failed: {}", e.getMessage());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
