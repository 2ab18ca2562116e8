package dev.rbee.hive.models;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.daemon.TestFaults;
import dev.rbee.hive.preflight.PreflightOverrides;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** A real model service on a temporary RBEE_HOME, for tests; {@code hub} null points at a closed port. */
public final class TestModels {
    private TestModels() {
    }

    public static ModelService service(Path home, String hub) {
        return service(home, hub, Duration.ofSeconds(60), Map.of());
    }

    public static ModelService service(Path home, String hub, Duration stall, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("RBEE_HF_ENDPOINT", hub == null ? "http://127.0.0.1:9" : hub);
        try {
            RbeeHome rbeeHome = new RbeeHome(home);
            return new ModelSettings(stall, 0).open("localhost", rbeeHome, all, TestFaults.none(), new Json(),
                    new PreflightOverrides(rbeeHome.configToml(), false));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
