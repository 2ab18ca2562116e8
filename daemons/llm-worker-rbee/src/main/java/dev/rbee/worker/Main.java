package dev.rbee.worker;

import dev.rbee.engine.Engines;
import dev.rbee.contract.Version;
import dev.rbee.contract.RbeeHome;
import dev.rbee.daemon.DaemonLog;
import dev.rbee.daemon.PortInUseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code llm-worker-rbee}: serves one GGUF model over HTTP. Started by rbee-hive, never by hand in normal use. */
@Command(name = "llm-worker-rbee", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Serves one GGUF model: SSE token streams, slots, cancel, drain.")
public final class Main implements java.util.concurrent.Callable<Integer> {
    /** Exit code that tells the hive the port was taken, so it relaunches on the next one (api.md §10). */
    static final int EXIT_PORT_IN_USE = 2;
    /** The hive finds a device failure in the log of a worker that died at startup by this prefix. */
    public static final String DEVICE_FAILED_MARKER = "CUDA_DEVICE_FAILED: ";

    @Option(names = "--worker-id", required = true) String workerId;
    @Option(names = "--node", defaultValue = "localhost") String node;
    @Option(names = "--model", required = true, description = "Path of the GGUF file") java.nio.file.Path model;
    @Option(names = "--model-ref", required = true) String modelRef;
    @Option(names = "--backend", defaultValue = "cpu") String backend;
    @Option(names = "--device", defaultValue = "0") int device;
    @Option(names = "--bind", defaultValue = "127.0.0.1") String bind;
    @Option(names = "--port", defaultValue = "8001") int port;
    @Option(names = "--hive-url", description = "Where to send the ready callback; omitted = standalone")
    String hiveUrl;
    @Option(names = "--slots", defaultValue = "1") int slots;
    @Option(names = "--ctx-size", defaultValue = "0",
            description = "Context window per slot; 0 = the model's own, at most 32768") int contextSize;
    @Option(names = "--engine", defaultValue = Engines.DEFAULT, description = "llama-capi (default) or llama-jni")
    String engine;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        String secret = System.getenv("RBEE_CLUSTER_SECRET");
        if (secret == null || secret.isBlank()) {
            System.err.println("llm-worker-rbee: RBEE_CLUSTER_SECRET is not set; the hive passes it in the environment");
            return 1;
        }
        try {
            DaemonLog.ensureWrittenTo(RbeeHome.fromEnvironment(System.getenv()).logFile(workerId));
        } catch (java.io.IOException e) {
            System.err.println("llm-worker-rbee: cannot open its log: " + e.getMessage());
        }
        java.util.Optional<String> deviceFailure = dev.rbee.engine.cuda.FakeCudaDevices.failureFor(
                System.getenv("RBEE_FAKE_DEVICES"), backend, device);
        if (deviceFailure.isPresent()) { // test kit ;fail=: the device breaks when the worker initialises it (S073)
            System.err.println("llm-worker-rbee: " + DEVICE_FAILED_MARKER + deviceFailure.get());
            return 1;
        }
        WorkerConfig config = new WorkerConfig(workerId, node, model, modelRef, backend, device, bind, port, hiveUrl,
                slots, contextSize, engine, secret);
        try {
            return new WorkerDaemon(config).run();
        } catch (PortInUseException e) {
            System.err.println("llm-worker-rbee: " + e.getMessage());
            return EXIT_PORT_IN_USE;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"llm-worker-rbee " + Version.CURRENT};
        }
    }
}
