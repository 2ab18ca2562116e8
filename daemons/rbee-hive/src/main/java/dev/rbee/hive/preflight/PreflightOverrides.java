package dev.rbee.hive.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rbee.engine.cuda.FakeCudaDevices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test-mode settings {@code preflight.ram_available_override} and {@code preflight.disk_available_override} from
 * {@code [preflight]} in {@code $RBEE_HOME/config.toml} (scenarios.md test kit). The file is read again at every
 * check, so a test can lower RAM between two spawns (S152); without {@code RBEE_TEST_MODE=1} the values are ignored
 * with a warning. Values are bytes (integer) or a size such as {@code "4000MB"} or {@code "2GiB"}.
 */
public final class PreflightOverrides {
    private static final Logger LOG = LoggerFactory.getLogger(PreflightOverrides.class);
    public static final String RAM = "ram_available_override";
    public static final String DISK = "disk_available_override";

    private final Path configToml;
    private final boolean testMode;
    private final TomlMapper toml = new TomlMapper();
    private final AtomicBoolean warned = new AtomicBoolean();

    public PreflightOverrides(Path configToml, boolean testMode) {
        this.configToml = configToml;
        this.testMode = testMode;
    }

    public OptionalLong ramAvailable() {
        return value(RAM);
    }

    public OptionalLong diskAvailable() {
        return value(DISK);
    }

    private OptionalLong value(String key) {
        JsonNode node = preflightSection().get(key);
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!testMode) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("⚠️ preflight.{} is set in {} but RBEE_TEST_MODE is not 1: ignoring it", key, configToml);
            }
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(node.isIntegralNumber() ? node.asLong() : FakeCudaDevices.bytes(node.asText()));
        } catch (IllegalArgumentException e) {
            LOG.warn("⚠️ preflight.{} = {} in {} is not a size; ignoring it", key, node, configToml);
            return OptionalLong.empty();
        }
    }

    private JsonNode preflightSection() {
        if (!Files.isRegularFile(configToml)) {
            return toml.createObjectNode();
        }
        try {
            JsonNode section = toml.readTree(configToml.toFile()).get("preflight");
            return section == null || !section.isObject() ? toml.createObjectNode() : section;
        } catch (IOException e) {
            // a broken config must not break every spawn; the overrides are test-only anyway
            LOG.warn("⚠️ Cannot read [preflight] from {}: {}", configToml, e.getMessage());
            return toml.createObjectNode();
        }
    }
}
