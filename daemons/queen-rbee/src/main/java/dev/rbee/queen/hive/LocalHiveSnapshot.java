package dev.rbee.queen.hive;

import dev.rbee.contract.client.HiveClient;
import dev.rbee.contract.hive.Backend;
import dev.rbee.queen.metrics.HiveSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The localhost hive as {@code /metrics} shows it. */
public final class LocalHiveSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(LocalHiveSnapshot.class);

    private LocalHiveSnapshot() {
    }

    /** For {@code /metrics}: running or stopped, and the GPUs of a running hive (asked with a 2 s limit). */
    public static HiveSnapshot of(LocalHive local) {
        Optional<HiveClient> hive = local.ifRunning(Duration.ofSeconds(2));
        if (hive.isEmpty()) {
            return new HiveSnapshot(LocalHive.NODE, "stopped", List.of());
        }
        List<HiveSnapshot.Gpu> gpus = new ArrayList<>();
        try {
            for (Backend backend : hive.get().backends().backends()) {
                if (!"cpu".equals(backend.name()) && backend.devices() != null) {
                    backend.devices().forEach(d -> gpus.add(new HiveSnapshot.Gpu(backend.name() + ":" + d.index(),
                            d.vramTotalBytes(), d.vramFreeBytes())));
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("No device list from rbee-hive for /metrics: {}", e.getMessage());
        }
        return new HiveSnapshot(LocalHive.NODE, "running", gpus);
    }
}
