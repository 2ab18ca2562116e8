package dev.rbee.hive.models;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.TestFaults;
import dev.rbee.hive.models.hub.HubClient;
import dev.rbee.hive.preflight.PreflightOverrides;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the model side: {@code download.stall_timeout} (60 s; flag {@code --download-stall-timeout-ms}, env
 * {@code RBEE_DOWNLOAD_STALL_TIMEOUT_MS}), {@code download.max_bytes_per_sec} (0 = no limit; flag
 * {@code --download-max-bytes-per-sec}, env {@code RBEE_DOWNLOAD_MAX_BYTES_PER_SEC}) and the test hook
 * {@code download.write_delay_ms}.
 */
public record ModelSettings(Duration stallTimeout, long maxBytesPerSec) {
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
    public static final String WRITE_DELAY_FAULT = "download.write_delay_ms";
    private static final Logger LOG = LoggerFactory.getLogger(ModelSettings.class);

    public static ModelSettings defaults() {
        return new ModelSettings(DEFAULT_STALL_TIMEOUT, 0);
    }

    /** Opens the catalog (set aside if corrupt, migrated if old) and wires the hub client and downloader. */
    public ModelService open(String nodeName, RbeeHome home, Map<String, String> env, TestFaults faults, Json json,
                             PreflightOverrides overrides) throws SQLException {
        ModelCatalog catalog = ModelCatalog.open(home.modelsDb(), home.backupsDir());
        HubClient hub = HubClient.fromEnvironment(env, json);
        Downloader downloader = new Downloader(hub, stallTimeout, faults.millis(WRITE_DELAY_FAULT).orElse(0L),
                maxBytesPerSec, home.modelsDir().toString());
        LOG.info("Models from {} (stall timeout {} ms, {}), catalog {}", hub.endpoint(), stallTimeout.toMillis(),
                maxBytesPerSec > 0 ? "at most " + maxBytesPerSec + " bytes/s" : "no bandwidth limit", home.modelsDb());
        return new ModelService(catalog, home.modelsDir(), hub, downloader,
                DiskSpace.of(nodeName, home.modelsDir(), overrides));
    }
}
