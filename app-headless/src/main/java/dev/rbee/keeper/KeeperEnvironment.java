package dev.rbee.keeper;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.Endpoint;
import dev.rbee.contract.client.HttpJson;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.json.Json;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What keeper reads from its surroundings, captured once so tests can pass their own: the environment variables,
 * {@code RBEE_HOME}, the installation root (to start {@code bin/queen-rbee}), the one {@link Json} and
 * {@code config.toml} (empty until {@link #withConfig} is given the loaded file).
 */
public record KeeperEnvironment(Map<String, String> env, RbeeHome home, Path distDir, Json json,
                                KeeperConfig config) {
    public static final String DIST_ENV = "RBEE_DIST_DIR";
    public static final String API_KEY_ENV = "RBEE_API_KEY";
    /** cli.md §1: connect 5 s, plain requests 10 s. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public KeeperEnvironment(Map<String, String> env, RbeeHome home, Path distDir, Json json) {
        this(env, home, distDir, json, KeeperConfig.EMPTY);
    }

    public KeeperEnvironment withConfig(KeeperConfig loaded) {
        return new KeeperEnvironment(env, home, distDir, json, loaded);
    }

    public static KeeperEnvironment from(Map<String, String> env) {
        return new KeeperEnvironment(Map.copyOf(env), RbeeHome.fromEnvironment(env), distDir(env), new Json());
    }

    /** {@code RBEE_DIST_DIR} as set by the launcher; else the folder above {@code dist/lib} of this jar (a dev run). */
    private static Path distDir(Map<String, String> env) {
        String configured = env.get(DIST_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return fromCodeSource().orElse(Path.of("."));
    }

    private static Optional<Path> fromCodeSource() {
        try {
            Path code = Path.of(KeeperEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code; dir != null; dir = dir.getParent()) {
                if (Files.isExecutable(dir.resolve("bin").resolve("queen-rbee"))) {
                    return Optional.of(dir);
                }
            }
            return Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code RBEE_API_KEY}, else {@code api_key} of config.toml; there is deliberately no flag, so keys never appear
     * in process lists.
     */
    public Optional<String> apiKey() {
        String key = env.get(API_KEY_ENV);
        return key == null || key.isBlank() ? config.apiKeyValue() : Optional.of(key.trim());
    }

    public Path queenLauncher() {
        return distDir.resolve("bin").resolve("queen-rbee");
    }

    public Path queenLog() {
        return home.logFile("queen-rbee");
    }

    public QueenClient queenClient(QueenUrl url) {
        return queenClient(url, REQUEST_TIMEOUT);
    }

    /** {@code requestTimeout} bounds a plain request, or for a stream the wait for its headers. */
    public QueenClient queenClient(QueenUrl url, Duration requestTimeout) {
        Endpoint endpoint = Endpoint.of(url.text(), apiKey().orElse(null), CONNECT_TIMEOUT, requestTimeout);
        return new QueenClient(new HttpJson(endpoint, json));
    }
}
