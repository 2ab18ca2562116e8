package dev.rbee.hive;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.Version;
import dev.rbee.daemon.DaemonLog;
import dev.rbee.daemon.Distribution;
import dev.rbee.daemon.PortInUseException;
import dev.rbee.hive.models.ModelSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rbee-hive}: one per node; started by queen-rbee (locally as a child, remotely over SSH). */
@Command(name = "rbee-hive", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        subcommands = Main.Daemon.class, description = "Pool manager of one node: devices, models, workers.")
public final class Main implements Callable<Integer> {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws java.io.IOException {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    @Command(name = "daemon", mixinStandardHelpOptions = true, description = "Run the hive daemon.")
    static final class Daemon implements Callable<Integer> {
        @Option(names = "--bind", defaultValue = "127.0.0.1") String bind;
        @Option(names = "--port", defaultValue = "9200") int port;
        @Option(names = "--node-name", defaultValue = "localhost") String nodeName;
        @Option(names = "--queen-url", description = "Queen to heartbeat to; omitted = standalone") String queenUrl;
        @Option(names = "--worker-port", defaultValue = "${env:RBEE_WORKER_PORT_START:-8001}",
                description = "First port tried for workers (env RBEE_WORKER_PORT_START)") int workerPort;
        @Option(names = "--idle-timeout-ms", defaultValue = "${env:RBEE_WORKER_IDLE_TIMEOUT_MS:-300000}",
                description = "Stop a worker idle this long; 0 = never (env RBEE_WORKER_IDLE_TIMEOUT_MS)")
        long idleTimeoutMs;
        @Option(names = "--loading-timeout-ms", defaultValue = "${env:RBEE_WORKER_LOADING_TIMEOUT_MS:-300000}",
                description = "Stop a worker whose model is not loaded this long after its spawn "
                        + "(env RBEE_WORKER_LOADING_TIMEOUT_MS)")
        long loadingTimeoutMs;
        @Option(names = "--health-interval-ms", defaultValue = "${env:RBEE_HIVE_HEALTH_INTERVAL_MS:-30000}",
                description = "Check each worker's /health this often; 0 = never (env RBEE_HIVE_HEALTH_INTERVAL_MS)")
        long healthIntervalMs;
        @Option(names = "--shutdown-grace-ms", defaultValue = "${env:RBEE_SHUTDOWN_GRACE_MS:-30000}",
                description = "Wait this long for a worker to exit before SIGKILL (env RBEE_SHUTDOWN_GRACE_MS)")
        long shutdownGraceMs;
        @Option(names = "--download-stall-timeout-ms", defaultValue = "${env:RBEE_DOWNLOAD_STALL_TIMEOUT_MS:-60000}",
                description = "Retry a download after this long without a byte (env RBEE_DOWNLOAD_STALL_TIMEOUT_MS)")
        long downloadStallTimeoutMs;
        @Option(names = "--download-max-bytes-per-sec", defaultValue = "${env:RBEE_DOWNLOAD_MAX_BYTES_PER_SEC:-0}",
                description = "Bandwidth limit of model downloads; 0 = none (env RBEE_DOWNLOAD_MAX_BYTES_PER_SEC)")
        long downloadMaxBytesPerSec;
        @Option(names = "--watch-stdin", description = "Stop when stdin reaches end of file (child of an ephemeral queen)")
        boolean watchStdin;
        @Option(names = "--secret-stdin", description = "Read the cluster secret from the first line of stdin, then "
                + "close stdin (a hive started over SSH: the secret never shows in the command line or environment)")
        boolean secretStdin;

        @Override
        public Integer call() throws java.io.IOException {
            String secret = secretStdin ? SecretInput.readLine(System.in) : System.getenv("RBEE_CLUSTER_SECRET");
            if (secret == null || secret.isBlank()) {
                System.err.println("rbee-hive: no cluster secret: queen-rbee passes it in RBEE_CLUSTER_SECRET, "
                        + "or on stdin with --secret-stdin");
                return 1;
            }
            RbeeHome home = RbeeHome.fromEnvironment(System.getenv());
            DaemonLog.ensureWrittenTo(home.logFile("rbee-hive"));
            HiveConfig config = new HiveConfig(nodeName, bind, port, queenUrl, workerPort, watchStdin, home,
                    Distribution.fromEnvironment(System.getenv()), secret, java.time.Duration.ofMillis(idleTimeoutMs),
                    java.time.Duration.ofMillis(loadingTimeoutMs), java.time.Duration.ofMillis(healthIntervalMs),
                    java.time.Duration.ofMillis(shutdownGraceMs), "1".equals(System.getenv("RBEE_TEST_MODE")));
            try {
                return new HiveDaemon(config, new ModelSettings(java.time.Duration.ofMillis(downloadStallTimeoutMs),
                        downloadMaxBytesPerSec))
                        .run();
            } catch (PortInUseException e) {
                System.err.println("rbee-hive: " + e.getMessage());
                return 1;
            }
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rbee-hive " + Version.CURRENT};
        }
    }
}
