package dev.rbee.desktop.models;

import dev.rbee.contract.ModelRef;
import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.client.QueenClient;
import dev.rbee.contract.client.SseResponse;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.hive.Model;
import dev.rbee.contract.queen.ModelDeleteResponse;
import dev.rbee.contract.queen.Node;
import dev.rbee.contract.sse.DownloadingEvent;
import dev.rbee.contract.sse.NarrationEvent;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.cli.infer.Formats;
import dev.rbee.keeper.cli.models.ModelLines;
import dev.rbee.keeper.models.ModelCatalog;
import dev.rbee.keeper.models.ModelDownload;
import dev.rbee.keeper.queen.QueenSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The models screen: a node's catalog (as {@code models list}), a download with live progress (as
 * {@code models download}) and a delete after an inline confirmation (as {@code models rm}). Blocking work runs on
 * {@code background}; every property is set through {@code ui}.
 */
public final class ModelsViewModel {
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final ObservableList<ModelRow> rows = FXCollections.observableArrayList();
    private final StringProperty node = new SimpleStringProperty(Node.LOCALHOST);
    private final StringProperty reference = new SimpleStringProperty("");
    private final StringProperty progress = new SimpleStringProperty("");
    private final DoubleProperty fraction = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty question = new SimpleStringProperty("");
    private final BooleanProperty downloading = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final Supplier<QueenSession> sessions;
    private final RbeeHome home;
    private final Executor background;
    private final Executor ui;
    private List<Model> catalog = List.of();
    private ModelRow inFlight;
    private String inFlightNode;
    private String deleting;

    public ModelsViewModel(Supplier<QueenSession> sessions, RbeeHome home, Executor background, Executor ui) {
        this.sessions = sessions;
        this.home = home;
        this.background = background;
        this.ui = ui;
        node.addListener((o, was, now) -> {
            showCatalog(now, List.of());
            cancelDelete();
            refresh();
        });
    }

    /** Reloads the node list and the chosen node's catalog (asking for it starts the node's hive). */
    public void refresh() {
        String chosen = node.get();
        background.execute(() -> {
            try {
                QueenClient queen = sessions.get().client();
                List<String> names = queen.listNodes().nodes().stream().map(Node::nodeName).toList();
                List<Model> models = blank(chosen) ? List.of() : queen.nodeModels(chosen).models();
                ui.execute(() -> {
                    error.set("");
                    nodes.setAll(names);
                    showCatalog(chosen, models);
                });
            } catch (RbeeException e) {
                ui.execute(() -> error.set(lines(e, new ErrorContext("models list", home, chosen, null, null))));
            }
        });
    }

    /** Starts downloading the reference to the chosen node unless a download runs; call on the UI thread. */
    public void download() {
        if (downloading.get()) {
            return;
        }
        String where = node.get();
        String ref = reference.get() == null ? "" : reference.get().trim();
        ErrorContext context = new ErrorContext("models download", home, where, ref, null);
        if (blank(where)) {
            error.set("❌ Choose a node");
            return;
        }
        if (ref.isEmpty()) {
            error.set("❌ Enter a model reference (e.g. demo:tiny, hf:<org>/<repo>[:<file-or-quant>], "
                    + "file:/abs/path/model.gguf)");
            return;
        }
        try {
            ModelRef.parse(ref);
        } catch (RbeeException e) {
            error.set(lines(e, context));
            return;
        }
        downloading.set(true);
        error.set("");
        status.set("");
        progress.set("Downloading " + ref + " to " + where + "…");
        fraction.set(-1);
        inFlightNode = where;
        showProgressRow(ModelRow.downloading(ref, 0, 0));
        background.execute(() -> follow(where, ref, context));
    }

    private void follow(String where, String ref, ErrorContext context) {
        try {
            QueenSession session = sessions.get();
            try (SseResponse stream = session.client(Duration.ofSeconds(60)).downloadModel(where, ref)) {
                ModelDownload.Result result = ModelDownload.follow(stream.events(), ref, where, (event, json) -> {
                    switch (event) {
                        case DownloadingEvent d -> ui.execute(() -> {
                            fraction.set(ModelDownload.fraction(d));
                            progress.set("Downloading " + ref + "  " + Formats.download(d.bytesDownloaded(),
                                    d.bytesTotal(), d.speedMbps()).strip());
                            showProgressRow(ModelRow.downloading(ref, d.bytesDownloaded(), d.bytesTotal()));
                        });
                        case NarrationEvent n -> ui.execute(() -> progress.set("[" + n.actor() + "] " + n.human()));
                        default -> { }
                    }
                });
                if (result == null) {
                    throw ModelDownload.interrupted();
                }
                List<Model> models = session.client().nodeModels(where).models();
                ui.execute(() -> {
                    finishDownload();
                    fraction.set(1);
                    progress.set("");
                    status.set(ModelLines.downloaded(result));
                    showCatalog(where, models);
                });
            }
        } catch (RbeeException e) {
            ui.execute(() -> {
                finishDownload();
                fraction.set(0);
                progress.set("");
                error.set(lines(e, context));
            });
        }
    }

    /** Asks before deleting: sets the question the screen shows with Delete / Cancel. */
    public void askDelete(ModelRow row) {
        if (row == null || row.id().isEmpty()) {
            error.set(row == null ? "Select a model to delete" : "Wait for the download to finish");
            return;
        }
        deleting = row.id();
        error.set("");
        question.set(ModelCatalog.find(catalog, row.id()).map(m -> ModelLines.question(m, node.get()))
                .orElse("Delete " + row.id() + " from " + node.get() + "?"));
    }

    public void cancelDelete() {
        deleting = null;
        question.set("");
    }

    /** Deletes the model the question was about. */
    public void confirmDelete() {
        String id = deleting;
        String where = node.get();
        cancelDelete();
        if (id == null || busy.get()) {
            return;
        }
        busy.set(true);
        background.execute(() -> {
            try {
                QueenClient queen = sessions.get().client();
                ModelDeleteResponse deleted = queen.deleteModel(where, id);
                List<Model> models = queen.nodeModels(where).models();
                ui.execute(() -> {
                    status.set(ModelLines.deleted(deleted, where));
                    showCatalog(where, models);
                    busy.set(false);
                });
            } catch (RbeeException e) {
                ui.execute(() -> {
                    error.set(lines(e, new ErrorContext("models rm", home, where, id, null)));
                    busy.set(false);
                });
            }
        });
    }

    /** A catalog for a node that is no longer the chosen one (a late answer) is dropped. */
    void showCatalog(String forNode, List<Model> models) {
        if (!Objects.equals(forNode, node.get())) {
            return;
        }
        catalog = List.copyOf(models);
        render();
    }

    private void showProgressRow(ModelRow row) {
        inFlight = row;
        render();
    }

    private void finishDownload() {
        inFlight = null;
        downloading.set(false);
        render();
    }

    private void render() {
        List<ModelRow> next = new ArrayList<>(catalog.stream().map(ModelRow::of).toList());
        if (inFlight != null && Objects.equals(inFlightNode, node.get())) {
            next.addFirst(inFlight);
        }
        rows.setAll(next);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String lines(RbeeException e, ErrorContext context) {
        return String.join("\n", ErrorPresenter.lines(e, context));
    }

    public ObservableList<String> nodes() { return nodes; }
    public ObservableList<ModelRow> rows() { return rows; }
    public StringProperty nodeProperty() { return node; }
    public StringProperty referenceProperty() { return reference; }
    public StringProperty progressProperty() { return progress; }
    public DoubleProperty fractionProperty() { return fraction; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public StringProperty questionProperty() { return question; }
    public BooleanProperty downloadingProperty() { return downloading; }
    public BooleanProperty busyProperty() { return busy; }
}
