package dev.rbee.desktop.nodes;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.queen.AddNodeRequest;
import dev.rbee.contract.queen.InstallRequest;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.queen.UpdateNodeRequest;
import dev.rbee.contract.sse.CompleteEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.contract.sse.ProgressEvent;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.cli.setup.NodeCalls;
import dev.rbee.keeper.cli.setup.SshOptions;
import dev.rbee.keeper.nodes.ConnectionCheck;
import dev.rbee.keeper.nodes.HostKeyQuestion;
import dev.rbee.keeper.nodes.InstallStream;
import dev.rbee.keeper.nodes.NodeDetails;
import dev.rbee.keeper.queen.QueenSession;
import dev.rbee.keeper.sshconfig.ImportCandidates;
import dev.rbee.keeper.sshconfig.SshConfig;
import dev.rbee.keeper.sshconfig.SshConfigException;
import dev.rbee.keeper.sshconfig.SshHost;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The nodes screen: the registry with each hive's status, the SSH form (add or edit), remove, test connection,
 * import from ~/.ssh/config and install, all through the keeper core and queen as {@code rbee-keeper setup …} does
 * them. An unknown host key stops a call and sets {@link #hostKeyProperty()}; the view asks, and
 * {@link #acceptHostKey()} resends the same call with the fingerprint, as the CLI does after "y".
 * Blocking work runs on {@code background}; properties are only touched through {@code ui}.
 */
public final class NodesViewModel {
    /** cli.md §1: the install stream may be quiet for a while between steps; InstallCommand waits as long. */
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(60);

    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<HostKeyQuestion> hostKey = new SimpleObjectProperty<>();

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty installPath = new SimpleStringProperty("");
    private final StringProperty editing = new SimpleStringProperty(null);
    private final Map<String, StringProperty> fieldErrors = Map.of(NodeForm.NAME, new SimpleStringProperty(""),
            NodeForm.HOST, new SimpleStringProperty(""), NodeForm.PORT, new SimpleStringProperty(""),
            NodeForm.USER, new SimpleStringProperty(""), NodeForm.KEY, new SimpleStringProperty(""));

    private final DoubleProperty installProgress = new SimpleDoubleProperty(0);
    private final StringProperty installStatus = new SimpleStringProperty("");
    private final ObservableList<ImportChoice> importChoices = FXCollections.observableArrayList();
    private final StringProperty importNote = new SimpleStringProperty("");

    private final Supplier<QueenSession> sessions;
    private final RbeeHome home;
    private final Map<String, String> env;
    private final Executor background;
    private final Executor ui;
    private final ZoneId zone;
    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private Consumer<String> pendingRetry;
    private Runnable pendingGiveUp;

    /**
     * {@code sessions} blocks until queen answers (it may start one); {@code env} gives HOME and USER for {@code ~}
     * in key paths and for ~/.ssh/config.
     */
    public NodesViewModel(Supplier<QueenSession> sessions, RbeeHome home, Map<String, String> env,
                          Executor background, Executor ui, ZoneId zone) {
        this.sessions = sessions;
        this.home = home;
        this.env = env;
        this.background = background;
        this.ui = ui;
        this.zone = zone;
    }

    /** Reloads the table: {@code GET /v2/registry/beehives/list} and each node's hive status. */
    public void refresh() {
        background.execute(() -> {
            try {
                List<NodeDetails> details = NodeDetails.collect(sessions.get().client());
                ui.execute(() -> show(details));
            } catch (RuntimeException e) {
                ui.execute(() -> showError(e, "setup list-nodes", null));
            }
        });
    }

    /** Shows {@code details} in the table; public so it can be checked without a queen. */
    public void show(List<NodeDetails> details) {
        nodes.clear();
        details.forEach(d -> nodes.put(d.node().nodeName(), d.node()));
        rows.setAll(details.stream().map(d -> NodeRows.of(d, zone)).toList());
    }

    // ---- the form -------------------------------------------------------------------------------------------

    /** An empty form for a new node. */
    public void newNode() {
        editing.set(null);
        fill("", "", "22", "", "", "");
    }

    /** The form filled with {@code nodeName}'s stored settings; saving updates it. */
    public void edit(String nodeName) {
        Node node = nodes.get(nodeName);
        if (node == null || Node.LOCALHOST.equals(nodeName)) {
            status.set("localhost is built in; it has no SSH settings");
            return;
        }
        editing.set(nodeName);
        fill(node.nodeName(), node.sshHost(), String.valueOf(node.sshPort()), node.sshUser(),
                orEmpty(node.sshKeyPath()), orEmpty(node.installPath()));
    }

    private void fill(String n, String h, String p, String u, String k, String i) {
        name.set(n);
        host.set(h);
        port.set(p);
        user.set(u);
        keyFile.set(k);
        installPath.set(i);
        fieldErrors.values().forEach(e -> e.set(""));
        error.set("");
    }

    /** Checks the form; when it passes, adds the node (or updates the one being edited). False when it did not. */
    public boolean save() {
        NodeForm form = form();
        Map<String, String> problems = form.problems(this::keyReadable);
        fieldErrors.forEach((field, message) -> message.set(problems.getOrDefault(field, "")));
        if (!problems.isEmpty()) {
            return false;
        }
        String key = keyPath(form.keyFile());
        if (editing.get() == null) {
            add(form, key);
        } else {
            update(form, key);
        }
        return true;
    }

    private void add(NodeForm form, String key) {
        String node = form.name().trim();
        status.set("🔌 Testing SSH connection to " + form.host().trim() + ":" + form.portNumber() + " as "
                + form.user().trim() + "...");
        send("setup add-node", node, accept -> client(NodeCalls.TIMEOUT).addNode(new AddNodeRequest(node,
                form.host().trim(), form.portNumber(), form.user().trim(), key,
                NodeForm.orNull(form.installPath()), null, null, accept)), added -> {
            status.set("✅ SSH connection successful! Node '" + added.nodeName() + "' saved to registry"
                    + (added.installedVersion() == null ? ". Next: Install rbee on this node" : ""));
            newNode();
        }, () -> { });
    }

    /** Only the fields that differ from the stored node are sent, so queen re-tests SSH only when one changed. */
    private void update(NodeForm form, String key) {
        Node old = nodes.get(editing.get());
        UpdateNodeRequest request = new UpdateNodeRequest(old.nodeName(), changed(old.sshHost(), form.host().trim()),
                changed(old.sshPort(), form.portNumber()), changed(old.sshUser(), form.user().trim()),
                changed(old.sshKeyPath(), key), changed(old.installPath(), NodeForm.orNull(form.installPath())),
                null, null, null);
        if (request.givenFields().isEmpty()) {
            status.set("Nothing to update: no setting was changed");
            return;
        }
        status.set("Updating node '" + old.nodeName() + "'...");
        send("setup update-node", old.nodeName(), accept -> client(NodeCalls.TIMEOUT).updateNode(
                new UpdateNodeRequest(request.nodeName(), request.sshHost(), request.sshPort(), request.sshUser(),
                        request.sshKeyPath(), request.installPath(), null, null, accept)), updated -> {
            status.set("✅ Node '" + updated.nodeName() + "' updated (" + String.join(", ",
                    updated.changed() == null ? List.of() : updated.changed()) + ")");
            newNode();
        }, () -> { });
    }

    private static <T> T changed(T old, T now) {
        return now == null || now.equals(old) ? null : now;
    }

    // ---- remove, test, install -------------------------------------------------------------------------------

    /** Removes the node (queen stops its hive first); the view has asked for confirmation. */
    public void remove(String nodeName) {
        status.set("Removing node '" + nodeName + "'...");
        send("setup remove-node", nodeName, accept -> client(NodeCalls.TIMEOUT).removeNode(nodeName),
                removed -> status.set("✅ Node '" + removed.nodeName() + "' removed from registry"
                        + (removed.hiveStopped() ? " (its rbee-hive was stopped)" : "")), () -> { });
    }

    /** Queen connects, checks the host key, authenticates and runs its test command again (api.md §5.2). */
    public void testConnection(String nodeName) {
        Node node = nodes.get(nodeName);
        if (node == null || Node.LOCALHOST.equals(nodeName) || node.hostKeyFingerprint() == null) {
            status.set(Node.LOCALHOST.equals(nodeName) ? "localhost is this machine; there is no SSH to test"
                    : "Select a registered node to test");
            return;
        }
        status.set("🔌 Testing SSH connection to " + node.sshHost() + ":" + node.sshPort() + " as "
                + node.sshUser() + "...");
        send("setup update-node", nodeName, accept -> ConnectionCheck.retest(client(NodeCalls.TIMEOUT), node),
                tested -> status.set("✅ SSH connection to '" + nodeName + "' works"), () -> { });
    }

    /** {@code setup install}: queen copies its distribution to the node; the copy fills the progress bar. */
    public void install(String nodeName) {
        if (Node.LOCALHOST.equals(nodeName)) {
            status.set("✅ localhost uses this machine's installation; nothing to install");
            return;
        }
        installProgress.set(0);
        installStatus.set("Installing rbee on " + nodeName + "...");
        send("setup install", nodeName, accept -> followInstall(nodeName, accept), complete -> {
            installProgress.set(1);
            installStatus.set("✅ rbee " + complete.version() + " installed on " + nodeName + " at "
                    + complete.installPath());
        }, () -> { });
    }

    private CompleteEvent followInstall(String nodeName, String accept) {
        try (SseResponse stream = client(INSTALL_TIMEOUT).install(nodeName, new InstallRequest(accept))) {
            return InstallStream.follow(stream.events(), new InstallStream.Listener() {
                @Override
                public void narration(NarrationEvent n) {
                    ui.execute(() -> installStatus.set("[" + n.actor() + "] " + n.human()));
                }

                @Override
                public void copied(ProgressEvent p, double fraction) {
                    ui.execute(() -> {
                        installProgress.set(fraction);
                        installStatus.set("Copying rbee to " + nodeName + ": " + Math.round(fraction * 100) + "%");
                    });
                }
            }).orElseThrow(InstallStream::endedWithoutResult);
        }
    }

    // ---- import from ~/.ssh/config ---------------------------------------------------------------------------

    /** Reads ~/.ssh/config and offers the hosts that can become nodes; the others are named in the note. */
    public void loadSshConfig() {
        Path userHome = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        String localUser = Optional.ofNullable(env.get("USER")).or(() -> Optional.ofNullable(env.get("LOGNAME")))
                .orElse(System.getProperty("user.name"));
        background.execute(() -> {
            try {
                SshConfig config = SshConfig.read(userHome.resolve(".ssh/config"), userHome, localUser);
                Set<String> registered = client(NodeCalls.TIMEOUT).listNodes().nodes().stream()
                        .map(Node::nodeName).collect(Collectors.toSet());
                ImportCandidates found = ImportCandidates.of(config, config.aliases(), registered);
                ui.execute(() -> {
                    importChoices.setAll(found.candidates().stream().map(ImportChoice::new).toList());
                    importNote.set(found.candidates().isEmpty() ? "No host to import." : "");
                    if (!found.skipped().isEmpty()) {
                        importNote.set((importNote.get() + " Skipped: " + found.skipped().stream()
                                .map(s -> s.alias() + " (" + s.reason() + ")").collect(Collectors.joining(", ")))
                                .trim());
                    }
                });
            } catch (SshConfigException e) {
                ui.execute(() -> importNote.set("❌ " + e.getMessage()));
            } catch (RuntimeException e) {
                ui.execute(() -> showError(e, "config import-ssh-config", null));
            }
        });
    }

    /** Adds the chosen hosts one after the other, each as add-node adds one (with its own host-key question). */
    public void importChosen() {
        Deque<SshHost> queue = new ArrayDeque<>(importChoices.stream().filter(c -> c.chosen().get())
                .map(ImportChoice::host).toList());
        importChoices.clear();
        importNext(queue, new ArrayList<>());
    }

    private void importNext(Deque<SshHost> queue, List<String> imported) {
        SshHost next = queue.poll();
        if (next == null) {
            status.set(imported.isEmpty() ? "No node imported" : "✅ Imported " + String.join(", ", imported));
            return;
        }
        status.set("🔌 Testing SSH connection to " + next.hostName() + ":" + next.port() + " as " + next.user()
                + "...");
        send("config import-ssh-config", next.alias(), accept -> client(NodeCalls.TIMEOUT)
                        .addNode(ImportCandidates.request(next, null, accept)),
                added -> {
                    imported.add(added.nodeName());
                    importNext(queue, imported);
                }, () -> importNext(queue, imported));
    }

    // ---- host key ----------------------------------------------------------------------------------------------

    /** The user trusts the shown key: the call that met it is sent again with its fingerprint. */
    public void acceptHostKey() {
        HostKeyQuestion question = hostKey.get();
        Consumer<String> retry = pendingRetry;
        clearPending();
        if (question != null && retry != null) {
            retry.accept(question.fingerprint());
        }
    }

    /** The user does not trust it: nothing is changed, as after "N" in the CLI. */
    public void rejectHostKey() {
        Runnable giveUp = pendingGiveUp;
        clearPending();
        status.set("");
        error.set("❌ Host key not trusted; nothing was changed");
        if (giveUp != null) {
            giveUp.run();
        }
    }

    private void clearPending() {
        hostKey.set(null);
        pendingRetry = null;
        pendingGiveUp = null;
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    /**
     * Runs {@code call} in the background without an accepted key; on success {@code done} runs and the table is
     * reloaded. HOST_KEY_UNKNOWN with a fingerprint becomes the question; other failures are shown, then
     * {@code after} runs (the import goes on with the next host).
     */
    private <T> void send(String command, String node, Function<String, T> call, Consumer<T> done, Runnable after) {
        attempt(command, node, call, done, after, null);
    }

    private <T> void attempt(String command, String node, Function<String, T> call, Consumer<T> done,
                             Runnable after, String accept) {
        busy.set(true);
        error.set("");
        background.execute(() -> {
            try {
                T result = call.apply(accept);
                ui.execute(() -> {
                    busy.set(false);
                    done.accept(result);
                    refresh();
                });
            } catch (RuntimeException e) {
                Optional<HostKeyQuestion> question = e instanceof RbeeException r && accept == null
                        ? HostKeyQuestion.of(r) : Optional.empty();
                ui.execute(() -> {
                    busy.set(false);
                    if (question.isPresent()) {
                        pendingRetry = fingerprint -> attempt(command, node, call, done, after, fingerprint);
                        pendingGiveUp = after;
                        hostKey.set(question.get());
                        return;
                    }
                    showError(e, command, node);
                    after.run();
                    refresh();
                });
            }
        });
    }

    /** The CLI's lines: the failed attempts, then ❌ message (CODE) and 💡 suggestion. */
    private void showError(RuntimeException e, String command, String node) {
        status.set("");
        installStatus.set("");
        if (e instanceof RbeeException r) {
            List<String> lines = new ArrayList<>(NodeCalls.attemptLines(r));
            lines.addAll(ErrorPresenter.lines(r, new ErrorContext(command, home, node, null, null)));
            error.set(String.join("\n", lines));
        } else {
            error.set("❌ " + e.getMessage());
        }
    }

    private QueenClient client(Duration timeout) {
        return sessions.get().client(timeout);
    }

    private NodeForm form() {
        return new NodeForm(name.get(), host.get(), port.get(), user.get(), keyFile.get(), installPath.get());
    }

    /** {@code ~} expanded and made absolute, as {@code --ssh-key}; null when the field is empty (agent/default). */
    private String keyPath(String key) {
        String given = NodeForm.orNull(key);
        return given == null ? null : SshOptions.expandKey(given, env);
    }

    private boolean keyReadable(String key) {
        try {
            Path path = Path.of(keyPath(key));
            return Files.isRegularFile(path) && Files.isReadable(path);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    public ObservableList<NodeRow> rows() { return rows; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public BooleanProperty busyProperty() { return busy; }
    public ObjectProperty<HostKeyQuestion> hostKeyProperty() { return hostKey; }
    public StringProperty nameProperty() { return name; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty userProperty() { return user; }
    public StringProperty keyFileProperty() { return keyFile; }
    public StringProperty installPathProperty() { return installPath; }
    /** The node being edited, or null while the form adds a new one. */
    public StringProperty editingProperty() { return editing; }
    /** The inline message of {@code field} (one of NodeForm's field names); empty when it is fine. */
    public StringProperty fieldErrorProperty(String field) { return fieldErrors.get(field); }
    public DoubleProperty installProgressProperty() { return installProgress; }
    public StringProperty installStatusProperty() { return installStatus; }
    public ObservableList<ImportChoice> importChoices() { return importChoices; }
    public StringProperty importNoteProperty() { return importNote; }
}
