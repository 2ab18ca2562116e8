package dev.rbee.queen;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.Version;
import dev.rbee.daemon.DaemonLog;
import dev.rbee.daemon.Distribution;
import dev.rbee.daemon.PortInUseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code queen-rbee}: the orchestrator. Started by rbee-keeper (ephemeral or detached) or as a service. */
@Command(name = "queen-rbee", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Orchestrator: nodes, hives, workers, routing, token relay.")
public final class Main implements Callable<Integer> {
    @Option(names = "--bind", defaultValue = "127.0.0.1") String bind;
    @Option(names = "--port", defaultValue = "8080") int port;
    @Option(names = "--ephemeral", description = "Owned by one rbee-keeper command: end of stdin stops everything")
    boolean ephemeral;
    @Option(names = "--local-hive-port", defaultValue = "${env:RBEE_LOCAL_HIVE_PORT:-9200}",
            description = "Port of the localhost node's hive (env RBEE_LOCAL_HIVE_PORT)") int localHivePort;
    @Option(names = "--inference-stall-timeout-ms", defaultValue = "${env:RBEE_INFERENCE_STALL_TIMEOUT_MS:-60000}",
            description = "A worker silent this long during a job ends it with TIMEOUT (env "
                    + "RBEE_INFERENCE_STALL_TIMEOUT_MS)") long stallTimeoutMs;

    @Option(names = "--advertise-url", defaultValue = "${env:RBEE_QUEEN_ADVERTISE_URL:-}",
            description = "URL hives use to reach queen (default: http://<bind>:<port>; env RBEE_QUEEN_ADVERTISE_URL)")
    String advertiseUrl;

    @Option(names = "--api-key-file", description = "File holding the API key user routes require (or env "
            + "RBEE_API_KEY); required on a non-loopback --bind") java.nio.file.Path apiKeyFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws java.io.IOException {
        Optional<String> apiKey;
        try {
            apiKey = ApiKeys.configured(apiKeyFile, System.getenv());
            ApiKeys.requireForBind(bind, port, apiKey);
        } catch (IllegalArgumentException e) {
            System.err.println("queen-rbee: " + e.getMessage());
            return 1;
        }
        RbeeHome home = RbeeHome.fromEnvironment(System.getenv());
        DaemonLog.ensureWrittenTo(home.logFile("queen-rbee"));
        QueenConfig config = new QueenConfig(bind, port, ephemeral, localHivePort, home,
                Distribution.fromEnvironment(System.getenv()), java.time.Duration.ofMillis(stallTimeoutMs),
                advertiseUrl);
        try {
            return new QueenDaemon(config, apiKey).run();
        } catch (PortInUseException e) {
            System.err.println("queen-rbee: " + e.getMessage());
            return 1;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"queen-rbee " + Version.CURRENT};
        }
    }
}
