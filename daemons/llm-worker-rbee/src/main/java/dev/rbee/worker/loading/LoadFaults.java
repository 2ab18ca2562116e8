package dev.rbee.worker.loading;

import dev.rbee.daemon.TestFaults;
import dev.rbee.engine.LoadListener;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loading fault hooks of test mode (scenarios.md, test kit), laid around the engine's progress listener:
 * {@code worker.layer_delay_ms} makes each layer take that long, {@code worker.load.stall_at_layer} hangs the load
 * once that layer is reached, and {@code worker.load.oom_at_layer} SIGKILLs the worker there, as the kernel's OOM
 * killer would. Without test mode none of them exists and the listener is returned as it is.
 */
final class LoadFaults {
    private static final Logger LOG = LoggerFactory.getLogger(LoadFaults.class);

    private final long layerDelayMillis;
    private final Optional<Long> stallAtLayer;
    private final Optional<Long> oomAtLayer;

    LoadFaults(TestFaults faults) {
        this.layerDelayMillis = faults.millis("worker.layer_delay_ms").orElse(0L);
        this.stallAtLayer = faults.millis("worker.load.stall_at_layer");
        this.oomAtLayer = faults.millis("worker.load.oom_at_layer");
    }

    LoadListener around(LoadListener target) {
        if (layerDelayMillis == 0 && stallAtLayer.isEmpty() && oomAtLayer.isEmpty()) {
            return target;
        }
        int[] reported = {0};
        return (loaded, total, bytes) -> {
            sleep(layerDelayMillis * Math.max(0, loaded - reported[0]));
            reported[0] = Math.max(reported[0], loaded);
            if (reached(stallAtLayer, loaded)) {
                target.progress(stallAtLayer.get().intValue(), total, bytes);
                stallForever(stallAtLayer.get());
            }
            if (reached(oomAtLayer, loaded)) {
                target.progress(oomAtLayer.get().intValue(), total, bytes);
                killSelf(oomAtLayer.get());
            }
            target.progress(loaded, total, bytes);
        };
    }

    private static boolean reached(Optional<Long> layer, int loaded) {
        return layer.isPresent() && loaded >= layer.get();
    }

    /** A hung disk or driver: the loading thread never returns, so only the hive's loading timeout ends this. */
    private static void stallForever(long layer) {
        LOG.warn("TEST FAULT worker.load.stall_at_layer: loading stalls at layer {}", layer);
        while (true) {
            sleep(60_000);
        }
    }

    private static void killSelf(long layer) {
        LOG.warn("TEST FAULT worker.load.oom_at_layer: SIGKILL at layer {}", layer);
        try {
            new ProcessBuilder("kill", "-9", String.valueOf(ProcessHandle.current().pid())).start().waitFor();
            stallForever(layer); // the signal is on its way
        } catch (IOException | InterruptedException e) {
            Runtime.getRuntime().halt(137);
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
