package dev.rbee.desktop.workers;

import static dev.rbee.desktop.shell.Controls.label;
import static dev.rbee.desktop.shell.Controls.row;
import static dev.rbee.desktop.shell.Tables.column;

import dev.rbee.desktop.shell.ErrorPane;

import dev.rbee.desktop.shell.KeepSelection;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The workers screen: binds controls to {@link WorkersViewModel}; holds no logic of its own. */
public final class WorkersView {
    private WorkersView() {
    }

    public static Node create(WorkersViewModel vm) {
        Label title = new Label("Workers");
        title.getStyleClass().add("screen-title");
        ComboBox<String> node = chooser("workers-node", vm.nodes(), vm.nodeProperty(), false);
        Button refresh = new Button("Refresh");
        refresh.setId("workers-refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox top = row(new Label("Node"), node, refresh);

        TableView<WorkerRow> table = table(vm);
        Button stop = new Button("Stop worker");
        stop.setId("workers-stop");
        stop.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        stop.setOnAction(e -> vm.stop(table.getSelectionModel().getSelectedItem().id()));
        Label status = label("workers-status", vm.statusProperty());

        Label startTitle = new Label("Start a worker on the chosen node");
        startTitle.getStyleClass().add("caption");
        ComboBox<String> model = chooser("workers-model", vm.models(), vm.modelProperty(), true);
        ComboBox<String> backend = chooser("workers-backend", vm.backends(), vm.backendProperty(), false);
        ComboBox<String> device = chooser("workers-device", vm.devices(), vm.deviceProperty(), false);
        Button start = new Button("Start worker");
        start.setId("workers-start");
        start.disableProperty().bind(vm.busyProperty());
        start.setOnAction(e -> vm.start());
        HBox form = row(new Label("Model"), model, new Label("Backend"), backend, new Label("Device"), device, start);

        Label preview = label("workers-preview", vm.previewProperty());
        preview.setWrapText(true);
        vm.fitsProperty().addListener((o, was, fits) -> fitsStyle(preview, fits));
        fitsStyle(preview, vm.fitsProperty().get());

        ProgressBar bar = new ProgressBar();
        bar.setId("workers-progress-bar");
        bar.progressProperty().bind(vm.fractionProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        // Out of the layout while hidden, so the progress line starts at the left edge then.
        bar.managedProperty().bind(bar.visibleProperty());
        Label progress = label("workers-progress", vm.progressProperty());
        HBox progressRow = row(bar, progress);

        Node error = ErrorPane.create("workers-error", vm.errorProperty());

        VBox screen = new VBox(10, title, top, table, row(stop, status), startTitle, form, preview, progressRow,
                error);
        VBox.setVgrow(table, Priority.ALWAYS);
        screen.setPadding(new Insets(16));
        screen.getStyleClass().add("workers");
        return screen;
    }

    private static TableView<WorkerRow> table(WorkersViewModel vm) {
        TableView<WorkerRow> table = new TableView<>();
        KeepSelection.bind(table, vm.rows(), WorkerRow::id);
        table.setId("workers-table");
        table.getColumns().add(column("Worker", WorkerRow::id));
        table.getColumns().add(column("Model", WorkerRow::model));
        table.getColumns().add(column("Backend", WorkerRow::placement));
        table.getColumns().add(column("State", WorkerRow::state));
        table.getColumns().add(column("Slots", WorkerRow::slots));
        table.getColumns().add(column("Tokens/s", WorkerRow::tokensPerSecond));
        table.getColumns().add(column("Uptime", WorkerRow::uptime));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No workers running on this node"));
        return table;
    }

    private static void fitsStyle(Label preview, boolean fits) {
        preview.getStyleClass().removeAll("fits", "does-not-fit");
        preview.getStyleClass().add(fits ? "fits" : "does-not-fit");
    }

    private static ComboBox<String> chooser(String id, ObservableList<String> items, StringProperty value,
                                            boolean editable) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setEditable(editable);
        box.valueProperty().bindBidirectional(value);
        return box;
    }
}
