package dev.rbee.desktop.workers;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.Model;
import dev.rbee.contract.queen.HiveStatus;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.contract.queen.SpawnWorkerRequest;
import dev.rbee.contract.queen.WorkersShutdownRequest;
import dev.rbee.keeper.KeeperConfig;
import dev.rbee.keeper.KeeperConfigLoader;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.cluster.ClusterState;
import dev.rbee.keeper.cluster.TrackedJob;
import dev.rbee.keeper.queen.QueenSession;
import dev.rbee.keeper.workers.WorkerSpawn;
import dev.rbee.keeper.workers.WorkerStop;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The workers screen: queen's worker list per node (as {@code worker list}), starting a worker with a placement
 * preview and the spawn stream's progress (as {@code worker start}), stopping one (as {@code worker stop}). Blocking
 * work runs on {@code background}; every property is set through {@code ui}.
 */
public final class WorkersViewModel {
    public static final String AUTO = "auto";
    static final Duration GONE_LIMIT = Duration.ofSeconds(20);

    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final ObservableList<WorkerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> backends = FXCollections.observableArrayList(AUTO);
    private final ObservableList<String> devices = FXCollections.observableArrayList(AUTO);
    private final StringProperty node = new SimpleStringProperty(Node.LOCALHOST);
    private final StringProperty model = new SimpleStringProperty(ModelRef.DEMO_TINY);
    private final StringProperty backend = new SimpleStringProperty(AUTO);
    private final StringProperty device = new SimpleStringProperty(AUTO);
    private final StringProperty preview = new SimpleStringProperty("");
    private final BooleanProperty fits = new SimpleBooleanProperty(true);
    private final StringProperty progress = new SimpleStringProperty("");
    private final DoubleProperty fraction = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final Supplier<QueenSession> sessions;
    private final RbeeHome home;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final Map<String, Instant> firstSeen = new HashMap<>();
    private List<QWorker> workers = List.of();
    private Map<String, Double> speeds = Map.of();
    private NodeFacts facts = NodeFacts.unknown(Node.LOCALHOST);
    private ClusterState live;

    public WorkersViewModel(Supplier<QueenSession> sessions, RbeeHome home, Executor background, Executor ui,
                            Clock clock) {
        this.sessions = sessions;
        this.home = home;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        node.addListener((o, was, now) -> nodeChosen());
        model.addListener((o, was, now) -> updatePreview());
        backend.addListener((o, was, now) -> backendChosen());
        device.addListener((o, was, now) -> updatePreview());
        updatePreview();
    }

    /** Reloads nodes, workers and the chosen node's facts from queen. */
    public void refresh() {
        String chosen = node.get();
        background.execute(() -> {
            try {
                QueenClient queen = sessions.get().client();
                List<Node> registry = queen.listNodes().nodes();
                List<QWorker> listed = queen.workersList(null).workers();
                NodeFacts loaded = load(queen, registry, chosen);
                ui.execute(() -> {
                    error.set("");
                    nodes.setAll(registry.stream().map(Node::nodeName).toList());
                    showWorkers(listed, speeds);
                    showFacts(loaded);
                });
            } catch (RbeeException e) {
                ui.execute(() -> error.set(lines(e, ErrorContext.of("worker list", home))));
            }
        });
    }

    /** A list from elsewhere with each worker's tokens/s (tests; the live feed goes through {@link #show(ClusterState)}). */
    public void show(List<QWorker> live, Map<String, Double> tokensPerSecond) {
        showWorkers(live, tokensPerSecond);
    }

    /** Live changes from the app's {@code /v2/events} feed (the keeper core's ClusterWatcher); call on the UI thread. */
    public void show(ClusterState state) {
        live = state;
        showWorkers(List.copyOf(state.workers().values()), speedsAt(state, clock.instant()));
    }

    /** Tokens/s per worker: the measured speed of its jobs in flight, 0 once a job has gone quiet. */
    static Map<String, Double> speedsAt(ClusterState state, Instant now) {
        Map<String, Double> speeds = new HashMap<>();
        for (TrackedJob job : state.activeJobs()) {
            if (job.job().workerId() != null) {
                speeds.merge(job.job().workerId(), job.tokensPerSecondAt(now), Double::sum);
            }
        }
        return speeds;
    }

    /** Starts a worker from the form unless one is starting; call on the UI thread. */
    public void start() {
        if (busy.get()) {
            return;
        }
        String invalid = validate();
        if (invalid != null) {
            error.set(invalid);
            return;
        }
        String where = node.get().trim();
        String ref = model.get().trim();
        String chosenBackend = choice(backend);
        Integer chosenDevice = choice(device) == null ? null : Integer.valueOf(choice(device));
        busy.set(true);
        error.set("");
        status.set("");
        progress.set("Starting a worker for " + ref + " on " + where + "…");
        fraction.set(-1);
        background.execute(() -> spawn(where, ref, chosenBackend, chosenDevice));
    }

    /** Stops a worker (it drains, then exits) and refreshes until it is gone from queen's list. */
    public void stop(String workerId) {
        if (workerId == null || busy.get()) {
            if (workerId == null) {
                error.set("Select a worker to stop");
            }
            return;
        }
        busy.set(true);
        error.set("");
        background.execute(() -> {
            try {
                QueenClient queen = sessions.get().client();
                WorkerStop.Stopped stopped = WorkerStop.stop(queen, WorkersShutdownRequest.one(workerId));
                ui.execute(() -> status.set(String.join("\n", stopped.lines())));
                awaitGone(queen, stopped.stopping());
                List<QWorker> listed = queen.workersList(null).workers();
                ui.execute(() -> {
                    showWorkers(listed, speeds);
                    busy.set(false);
                });
            } catch (RbeeException e) {
                ui.execute(() -> {
                    error.set(lines(e, new ErrorContext("worker stop", home, null, null, workerId)));
                    busy.set(false);
                });
            }
        });
    }

    /** Form checks before queen is contacted; null when the form is fine. */
    String validate() {
        if (blank(node.get())) {
            return "❌ Choose a node";
        }
        if (blank(model.get())) {
            return "❌ Choose a model (e.g. demo:tiny)";
        }
        try {
            ModelRef.parse(model.get().trim());
        } catch (RbeeException e) {
            return lines(e, ErrorContext.of("worker start", home));
        }
        String d = choice(device);
        if (d != null) {
            if (!d.matches("\\d+")) {
                return "❌ Device must be a number ≥ 0";
            }
            if (choice(backend) == null) {
                return "❌ A device needs a backend: choose cpu, cuda or metal";
            }
        }
        return null;
    }

    private void spawn(String where, String ref, String chosenBackend, Integer chosenDevice) {
        ErrorContext context = new ErrorContext("worker start", home, where, ref, null);
        try {
            KeeperConfig.Defaults defaults = KeeperConfigLoader.load(home.configToml()).config().defaults();
            SpawnWorkerRequest request = WorkerSpawn.request(defaults, where, ref, chosenBackend, chosenDevice);
            QueenSession session = sessions.get();
            try (SseResponse stream = session.client(Duration.ofSeconds(60)).spawnWorker(request)) {
                var ready = WorkerSpawn.follow(stream.events(), (event, json) -> {
                    SpawnProgress step = SpawnProgress.of(event, ref, where);
                    if (step != null) {
                        ui.execute(() -> {
                            progress.set(step.text());
                            fraction.set(step.fraction());
                        });
                    }
                });
                if (ready == null) {
                    throw WorkerSpawn.interrupted();
                }
                String line = WorkerSpawn.readyLine(ready, where, ref);
                List<QWorker> listed = session.client().workersList(null).workers();
                ui.execute(() -> {
                    progress.set(line);
                    fraction.set(1);
                    showWorkers(listed, speeds);
                    busy.set(false);
                });
            }
        } catch (RbeeException e) {
            ui.execute(() -> {
                error.set(lines(e, context));
                progress.set("");
                fraction.set(0);
                busy.set(false);
            });
        }
    }

    private void awaitGone(QueenClient queen, List<String> ids) {
        long deadline = System.nanoTime() + GONE_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<QWorker> listed = queen.workersList(null).workers();
            if (listed.stream().noneMatch(w -> ids.contains(w.workerId()))) {
                return;
            }
            ui.execute(() -> showWorkers(listed, speeds));
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The chosen node's hive report and catalog; parts queen cannot give stay unknown (the preview says so). */
    private static NodeFacts load(QueenClient queen, List<Node> registry, String chosen) {
        if (blank(chosen)) {
            return NodeFacts.unknown(chosen);
        }
        List<String> registered = registry.stream().filter(n -> n.nodeName().equals(chosen)).findFirst()
                .map(Node::backends).orElse(List.of());
        HiveStatus hive = null;
        List<Model> catalog = List.of();
        try {
            // The catalog first: asking for it starts the node's hive, whose report then has backends and RAM.
            catalog = queen.nodeModels(chosen).models();
            hive = queen.hiveStatus(chosen);
        } catch (RbeeException e) {
            // An unreachable node: the preview shows what the registry knows, the start answers with the cause.
        }
        return new NodeFacts(chosen, hive, registered, catalog);
    }

    private void nodeChosen() {
        facts = NodeFacts.unknown(node.get());
        showFacts(facts);
        showWorkers(workers, speeds);
        refresh();
    }

    private void backendChosen() {
        String b = choice(backend);
        List<String> options = new ArrayList<>(List.of(AUTO));
        if (b != null) {
            options.addAll(facts.devices(b));
        }
        String keep = device.get();
        devices.setAll(options);
        device.set(options.contains(keep) ? keep : AUTO);
        updatePreview();
    }

    void showFacts(NodeFacts loaded) {
        if (!Objects.equals(loaded.node(), node.get())) {
            return;
        }
        facts = loaded;
        models.setAll(loaded.catalog().stream().map(Model::modelRef).distinct().toList());
        List<String> options = new ArrayList<>(List.of(AUTO));
        options.addAll(loaded.backends());
        String keep = backend.get();
        backends.setAll(options);
        backend.set(options.contains(keep) ? keep : AUTO);
        backendChosen();
    }

    private void showWorkers(List<QWorker> listed, Map<String, Double> tokensPerSecond) {
        workers = List.copyOf(listed);
        speeds = Map.copyOf(tokensPerSecond);
        Instant now = clock.instant();
        firstSeen.keySet().retainAll(workers.stream().map(QWorker::workerId).toList());
        workers.forEach(w -> firstSeen.putIfAbsent(w.workerId(), now));
        String chosen = node.get();
        rows.setAll(workers.stream().filter(w -> blank(chosen) || w.node().equals(chosen))
                .map(w -> WorkerRow.of(w, speeds.getOrDefault(w.workerId(), 0.0),
                        Duration.between(firstSeen.get(w.workerId()), now)))
                .toList());
    }

    /** Recomputes uptimes and speeds (a quiet job sends nothing); the app calls it on its one-second tick. */
    public void tick() {
        showWorkers(workers, live == null ? speeds : speedsAt(live, clock.instant()));
    }

    private void updatePreview() {
        if (blank(model.get())) {
            preview.set("Choose a model to see where it fits");
            fits.set(false);
            return;
        }
        String d = choice(device);
        Integer index = d != null && d.matches("\\d+") ? Integer.valueOf(d) : null;
        Placement.Verdict verdict = Placement.check(facts.forModel(model.get()), choice(backend), index);
        preview.set((verdict.fits() ? "✅ " : "⚠ ") + verdict.text());
        fits.set(verdict.fits());
    }

    private static String choice(StringProperty field) {
        String v = field.get();
        return blank(v) || AUTO.equals(v.trim()) ? null : v.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String lines(RbeeException e, ErrorContext context) {
        return String.join("\n", ErrorPresenter.lines(e, context));
    }

    public ObservableList<String> nodes() { return nodes; }
    public ObservableList<WorkerRow> rows() { return rows; }
    public ObservableList<String> models() { return models; }
    public ObservableList<String> backends() { return backends; }
    public ObservableList<String> devices() { return devices; }
    public StringProperty nodeProperty() { return node; }
    public StringProperty modelProperty() { return model; }
    public StringProperty backendProperty() { return backend; }
    public StringProperty deviceProperty() { return device; }
    public StringProperty previewProperty() { return preview; }
    public BooleanProperty fitsProperty() { return fits; }
    public StringProperty progressProperty() { return progress; }
    public DoubleProperty fractionProperty() { return fraction; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty busyProperty() { return busy; }
}
