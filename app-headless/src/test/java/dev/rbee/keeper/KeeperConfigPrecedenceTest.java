package dev.rbee.keeper;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.infer.InferenceOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** flag > env > config.toml > built-in default (cli.md §3). */
class KeeperConfigPrecedenceTest {
    private static final KeeperConfig CONFIG = new KeeperConfig("http://127.0.0.1:7000", "from-config",
            new KeeperConfig.Defaults("workstation", "demo:tiny", "cuda", 1, 64L, 0.2));

    private static KeeperEnvironment env(Map<String, String> variables, KeeperConfig config) {
        return new KeeperEnvironment(variables, new RbeeHome(Path.of("/tmp/none")), Path.of("."), new Json())
                .withConfig(config);
    }

    @Test
    void apiKeyFromEnvironmentWinsOverConfig() {
        assertEquals("from-env", env(Map.of(KeeperEnvironment.API_KEY_ENV, "from-env"), CONFIG).apiKey().orElseThrow());
        assertEquals("from-config", env(Map.of(), CONFIG).apiKey().orElseThrow());
        assertEquals("from-config", env(Map.of(KeeperEnvironment.API_KEY_ENV, " "), CONFIG).apiKey().orElseThrow());
        assertEquals(java.util.Optional.empty(), env(Map.of(), KeeperConfig.EMPTY).apiKey());
    }

    @Test
    void nodeComesFromTheFlagThenTheConfigThenLocalhost() {
        assertEquals("gpu-box", CONFIG.defaults().nodeFor("gpu-box"));
        assertEquals("workstation", CONFIG.defaults().nodeFor(null));
        assertEquals("localhost", KeeperConfig.Defaults.NONE.nodeFor(null));
    }

    @Test
    void queenUrlFromConfigIsTheLastChoiceBeforeTheDefault() {
        assertEquals("http://127.0.0.1:7000", QueenUrl.resolve(null, Map.of(), CONFIG.queenUrl()).text());
        assertEquals("http://127.0.0.1:7001",
                QueenUrl.resolve(null, Map.of(QueenUrl.ENV, "http://127.0.0.1:7001"), CONFIG.queenUrl()).text());
        assertEquals("http://127.0.0.1:7002", QueenUrl.resolve("http://127.0.0.1:7002",
                Map.of(QueenUrl.ENV, "http://127.0.0.1:7001"), CONFIG.queenUrl()).text());
    }

    @Test
    void inferDefaultsFillOnlyWhatTheFlagsLeftOut() {
        InferenceOptions filled = InferenceOptions.of(null, "hi").withDefaults(CONFIG.defaults());
        assertEquals("workstation", filled.node());
        assertEquals("demo:tiny", filled.model());
        assertEquals("64", filled.maxTokens());
        assertEquals("0.2", filled.temperature());
        assertEquals("cuda", filled.backend());
        assertEquals("1", filled.device());

        InferenceOptions flags = new InferenceOptions("localhost", "file:/m.gguf", "hi", "5", "0", null, null, null,
                null, null, List.of(), "cpu", null).withDefaults(CONFIG.defaults());
        assertEquals("localhost", flags.node());
        assertEquals("file:/m.gguf", flags.model());
        assertEquals("5", flags.maxTokens());
        assertEquals("0", flags.temperature());
        assertEquals("cpu", flags.backend());
        assertNull(flags.device(), "the configured cuda device does not follow a --backend cpu flag");
    }

    @Test
    void noConfigLeavesTheBuiltInDefaultsToTheValidator() {
        InferenceOptions filled = InferenceOptions.of("demo:tiny", "hi").withDefaults(KeeperConfig.Defaults.NONE);
        assertNull(filled.node());
        assertNull(filled.maxTokens());
        assertNull(filled.temperature());
    }
}
