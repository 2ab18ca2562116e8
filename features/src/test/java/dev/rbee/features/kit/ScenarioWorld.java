package dev.rbee.features.kit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The isolated world of one scenario: its own RBEE_HOME and free ports, the environment every rbee process of the
 * scenario gets, and the last command it ran. Shared by the step classes through Cucumber's picocontainer.
 */
public final class ScenarioWorld {
    private final Path root = Path.of(System.getProperty("rbee.root", "..")).toAbsolutePath().normalize();
    /** The secret a scenario gives the daemons it starts without a queen. */
    public static final String CLUSTER_SECRET = "scenario-cluster-secret";
    private final Path home;
    private final int queenPort = FreePorts.next();
    private final Map<String, String> env = new HashMap<>();
    private RecordingHub hub;
    private FaultProxy queenProxy;
    private CommandRun lastRun;
    private CommandRun operatorQueen;
    private int lastExitCode = -1;

    public ScenarioWorld() throws IOException {
        home = Files.createTempDirectory("rbee-scenario-").toRealPath();
        env.put("RBEE_HOME", home.toString());
        env.put("RBEE_QUEEN_URL", queenUrl());
        env.put("RBEE_LOCAL_HIVE_PORT", String.valueOf(FreePorts.next()));
        env.put("RBEE_WORKER_PORT_START", String.valueOf(FreePorts.next()));
        env.put("NO_COLOR", "1");
    }

    public Path home() {
        return home;
    }

    /** The checkout whose {@code bin/} launchers the scenario runs. */
    public Path root() {
        return root;
    }

    public String queenUrl() {
        return "http://127.0.0.1:" + queenPort;
    }

    public Map<String, String> env() {
        return env;
    }

    public RecordingHub startHub() {
        hub = new RecordingHub();
        env.put("RBEE_HF_ENDPOINT", hub.url());
        return hub;
    }

    /** From now on keeper reaches queen through a fault proxy. */
    public FaultProxy proxyQueen() {
        queenProxy = new FaultProxy(queenPort);
        env.put("RBEE_QUEEN_URL", queenProxy.url());
        return queenProxy;
    }

    public RecordingHub hub() {
        return hub;
    }

    private HubServer hubServer;

    /** The Hugging Face stand-in with files and faults (scenarios.md "Hub server"); daemons reach it by env. */
    public HubServer hubServer() {
        if (hubServer == null) {
            hubServer = new HubServer();
            env.put("RBEE_HF_ENDPOINT", hubServer.url());
        }
        return hubServer;
    }

    /** Runs {@code bin/<launcher> args…} and waits for it (120 s scenario limit). */
    public CommandRun run(List<String> words) throws InterruptedException {
        start(words);
        return awaitLastRun(120);
    }

    /** Starts {@code bin/<launcher> args…} without waiting; {@code <queen-url>} and {@code <rbee-home>} are filled in. */
    public CommandRun start(List<String> words) {
        return start(words, null);
    }

    /** As {@link #start(List)}, writing {@code stdin} (when not null) to the command and closing it. */
    public CommandRun start(List<String> words, String stdin) {
        List<String> command = new ArrayList<>();
        for (String word : words) {
            command.add(fill(word));
        }
        command.set(0, root.resolve("bin").resolve(words.getFirst()).toString());
        lastRun = CommandRun.start(command, env, stdin);
        lastExitCode = -1;
        return lastRun;
    }

    public CommandRun awaitLastRun(long seconds) throws InterruptedException {
        lastExitCode = lastRun.awaitExit(seconds);
        return lastRun;
    }

    /** queen-rbee started the way an operator would (a terminal or a service), not by keeper. */
    public CommandRun startOperatorQueen() {
        return startOperatorQueen(List.of());
    }

    /** As {@link #startOperatorQueen()}, with more arguments (placeholders filled in). */
    public CommandRun startOperatorQueen(List<String> moreArgs) {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/queen-rbee").toString(), "--port",
                String.valueOf(queenPort)));
        moreArgs.forEach(arg -> command.add(fill(arg)));
        operatorQueen = CommandRun.start(command, env);
        return operatorQueen;
    }

    public String hiveUrl() {
        return "http://127.0.0.1:" + localHivePort();
    }

    public CommandRun operatorQueen() {
        return operatorQueen;
    }

    public int localHivePort() {
        return Integer.parseInt(env.get("RBEE_LOCAL_HIVE_PORT"));
    }

    public int firstWorkerPort() {
        return Integer.parseInt(env.get("RBEE_WORKER_PORT_START"));
    }

    public int queenPort() {
        return queenPort;
    }

    /** Replaces the placeholders scenarios use for values only known at run time. */
    public String fill(String text) {
        String filled = text.replace("<queen-url>", queenUrl()).replace("<rbee-home>", home.toString())
                .replace("<hive-url>", hiveUrl())
                .replace("<queen-port>", String.valueOf(queenPort))
                .replace("<first-worker-port>", String.valueOf(firstWorkerPort()))
                .replace("<next-worker-port>", String.valueOf(firstWorkerPort() + 1));
        // every remembered value fills its <name>: <worker-id>, the URLs of extra queens, …
        for (Map.Entry<String, String> value : remembered.entrySet()) {
            filled = filled.replace("<" + value.getKey() + ">", value.getValue());
        }
        return filled;
    }

    private final Map<String, String> remembered = new HashMap<>();
    private WorkerUnderTest worker;

    /** The worker a worker scenario started directly (no hive), if any. */
    public WorkerUnderTest worker() {
        return worker;
    }

    public void worker(WorkerUnderTest started) {
        this.worker = started;
    }

    public void remember(String name, String value) {
        remembered.put(name, value);
    }

    public String remembered(String name) {
        return remembered.get(name);
    }

    /** The job id queen gave the last task a step sent (header {@code X-Job-Id}). */
    private String lastJobId;

    public String lastJobId() {
        return lastJobId;
    }

    public void lastJobId(String jobId) {
        this.lastJobId = jobId;
    }

    public CommandRun lastRun() {
        return lastRun;
    }

    public int lastExitCode() {
        return lastExitCode;
    }

    /** Teardown: nothing of the scenario may outlive it, and its files go away. */
    public List<RbeeProcesses.Found> cleanUp() throws IOException {
        List<RbeeProcesses.Found> left = RbeeProcesses.withHome(home);
        RbeeProcesses.killAll(left);
        if (queenProxy != null) {
            queenProxy.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (hubServer != null) {
            hubServer.close();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return left;
    }
}
