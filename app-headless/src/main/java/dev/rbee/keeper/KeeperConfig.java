package dev.rbee.keeper;

import java.util.Optional;

/**
 * {@code $RBEE_HOME/config.toml} as keeper reads it (cli.md §3). Every value is optional (null = not set); the
 * built-in defaults live where the value is used, so flag > env > config > default stays visible there.
 */
public record KeeperConfig(String queenUrl, String apiKey, Defaults defaults) {
    public static final KeeperConfig EMPTY = new KeeperConfig(null, null, Defaults.NONE);

    /** {@code [defaults]}: used by {@code infer}, {@code worker start} and {@code models *} without the flag. */
    public record Defaults(String node, String model, String backend, Integer device, Long maxTokens,
                           Double temperature) {
        public static final Defaults NONE = new Defaults(null, null, null, null, null, null);
        public static final String LOCAL_NODE = "localhost";

        /** The node a command runs on: the {@code --node} flag, else {@code [defaults] node}, else localhost. */
        public String nodeFor(String flag) {
            String chosen = orDefault(flag, node);
            return chosen == null ? LOCAL_NODE : chosen;
        }
    }

    public Optional<String> apiKeyValue() {
        return apiKey == null || apiKey.isBlank() ? Optional.empty() : Optional.of(apiKey.trim());
    }

    /** The flag's value when given, else the configured default (may be null). */
    public static <T> T orDefault(T flag, T configured) {
        return flag != null ? flag : configured;
    }
}
