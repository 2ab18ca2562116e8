package dev.rbee.keeper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rbee.contract.error.RbeeException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code config.toml} (cli.md §3): unknown keys become warnings, a file that does not parse or a value of the
 * wrong type is CONFIG_INVALID naming the line. The TOML reader keeps no positions per value, so the line of a
 * wrong value is found by {@link TomlLines}. {@code [preflight]} belongs to the hive's test mode and is skipped.
 */
public final class KeeperConfigLoader {
    /** Tables keeper does not read but must not warn about. */
    private static final Set<String> OTHER_OWNERS = Set.of("preflight");
    private static final Set<String> TOP_KEYS = Set.of("queen_url", "api_key", "defaults");
    private static final Set<String> DEFAULT_KEYS =
            Set.of("node", "model", "backend", "device", "max_tokens", "temperature");
    private static final Set<String> BACKENDS = Set.of("cpu", "cuda", "metal");

    /** The configuration and the warnings to print (one line each, without the actor prefix). */
    public record Loaded(KeeperConfig config, List<String> warnings) {
    }

    private final Path path;
    private final List<String> warnings = new ArrayList<>();
    private List<String> lines = List.of();

    private KeeperConfigLoader(Path path) {
        this.path = path;
    }

    /** A missing file is an empty configuration. @throws RbeeException CONFIG_INVALID */
    public static Loaded load(Path path) {
        return new KeeperConfigLoader(path).read();
    }

    private Loaded read() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(KeeperConfig.EMPTY, List.of());
        } catch (IOException e) {
            throw invalid(0, "cannot read the file: " + e.getMessage());
        }
        lines = text.lines().toList();
        JsonNode root = parse(text);
        return new Loaded(toConfig(root), List.copyOf(warnings));
    }

    private JsonNode parse(String text) {
        try {
            return new TomlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(at == null ? 0 : at.getLineNr(), e.getOriginalMessage());
        }
    }

    private KeeperConfig toConfig(JsonNode root) {
        warnUnknown(root, TOP_KEYS, "");
        // A string that is not a URL fails as USAGE_ERROR when it is used, like the flag and env (S130).
        String queenUrl = string(root, "", "queen_url");
        String apiKey = string(root, "", "api_key");
        JsonNode section = root.get("defaults");
        if (section == null) {
            return new KeeperConfig(queenUrl, apiKey, KeeperConfig.Defaults.NONE);
        }
        if (!section.isObject()) {
            throw wrong("", "defaults", "must be a table [defaults]");
        }
        return new KeeperConfig(queenUrl, apiKey, defaults(section));
    }

    private KeeperConfig.Defaults defaults(JsonNode section) {
        String table = "defaults";
        warnUnknown(section, DEFAULT_KEYS, table);
        String backend = string(section, table, "backend");
        if (backend != null && !BACKENDS.contains(backend)) {
            throw wrong(table, "backend", "must be cpu, cuda or metal, not '" + backend + "'");
        }
        Long device = integer(section, table, "device");
        if (device != null && (device < 0 || device > Integer.MAX_VALUE)) {
            throw wrong(table, "device", "must be an integer >= 0");
        }
        return new KeeperConfig.Defaults(string(section, table, "node"), string(section, table, "model"), backend,
                device == null ? null : device.intValue(), integer(section, table, "max_tokens"),
                number(section, table, "temperature"));
    }

    private void warnUnknown(JsonNode table, Set<String> known, String tableName) {
        for (Map.Entry<String, JsonNode> field : ((ObjectNode) table).properties()) {
            String key = field.getKey();
            boolean ignoredTable = tableName.isEmpty() && OTHER_OWNERS.contains(key);
            if (!known.contains(key) && !ignoredTable) {
                String name = tableName.isEmpty() ? key : tableName + "." + key;
                warnings.add("⚠️ Unknown key '" + name + "' in " + path + " (ignored)");
            }
        }
    }

    private String string(JsonNode table, String tableName, String key) {
        JsonNode value = table.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrong(tableName, key, "must be a string");
        }
        return value.asText();
    }

    private Long integer(JsonNode table, String tableName, String key) {
        JsonNode value = table.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrong(tableName, key, "must be an integer");
        }
        return value.asLong();
    }

    private Double number(JsonNode table, String tableName, String key) {
        JsonNode value = table.get(key);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw wrong(tableName, key, "must be a number");
        }
        return value.asDouble();
    }

    private RbeeException wrong(String tableName, String key, String problem) {
        String name = tableName.isEmpty() ? key : tableName + "." + key;
        return invalid(TomlLines.lineOf(lines, tableName, key), name + " " + problem);
    }

    private RbeeException invalid(int line, String problem) {
        String where = line > 0 ? path + " line " + line : path.toString();
        return KeeperErrors.local(KeeperErrors.CONFIG_INVALID, where + ": " + problem,
                Map.of("path", path.toString(), "line", line));
    }
}
