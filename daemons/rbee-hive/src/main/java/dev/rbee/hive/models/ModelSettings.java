package dev.rbee.hive.models;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.TestFaults;
import dev.rbee.hive.models.hub.HubClient;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the model side: {@code download.stall_timeout} (60 s; flag {@code --download-stall-timeout-ms}, env
 * {@code RBEE_DOWNLOAD_STALL_TIMEOUT_MS}) and the test hook {@code download.write_delay_ms}.
 */
public record ModelSettings(Duration stallTimeout) {
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
    public static final String WRITE_DELAY_FAULT = "download.write_delay_ms";

    public static ModelSettings defaults() {
        return new ModelSettings(DEFAULT_STALL_TIMEOUT);
    }

    /** Opens the catalog (set aside if corrupt, migrated if old) and wires the hub client and downloader. */
    public ModelService open(String nodeName, RbeeHome home, Map<String, String> env, TestFaults faults, Json json)
            throws SQLException {
        ModelCatalog catalog = ModelCatalog.open(home.modelsDb(), home.backupsDir());
        HubClient hub = HubClient.fromEnvironment(env, json);
        Downloader downloader = new Downloader(hub, stallTimeout, faults.millis(WRITE_DELAY_FAULT).orElse(0L));
        return new ModelService(catalog, home.modelsDir(), hub, downloader,
                DiskSpace.of(nodeName, home.modelsDir()));
    }
}
