package dev.rbee.desktop.models;

import static dev.rbee.desktop.shell.Controls.label;
import static dev.rbee.desktop.shell.Controls.row;
import static dev.rbee.desktop.shell.Tables.column;

import dev.rbee.desktop.shell.ErrorPane;

import dev.rbee.desktop.shell.KeepSelection;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The models screen: binds controls to {@link ModelsViewModel}; holds no logic of its own. */
public final class ModelsView {
    private ModelsView() {
    }

    public static Node create(ModelsViewModel vm) {
        Label title = new Label("Models");
        title.getStyleClass().add("screen-title");
        ComboBox<String> node = new ComboBox<>(vm.nodes());
        node.setId("models-node");
        node.valueProperty().bindBidirectional(vm.nodeProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("models-refresh");
        refresh.setOnAction(e -> vm.refresh());

        TableView<ModelRow> table = table(vm);
        Button delete = new Button("Delete…");
        delete.setId("models-delete");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        delete.setOnAction(e -> vm.askDelete(table.getSelectionModel().getSelectedItem()));
        Label status = label("models-status", vm.statusProperty());

        Label question = label("models-question", vm.questionProperty());
        Button confirm = new Button("Delete");
        confirm.setId("models-confirm-delete");
        confirm.getStyleClass().add("danger");
        confirm.setOnAction(e -> vm.confirmDelete());
        Button cancel = new Button("Cancel");
        cancel.setId("models-cancel-delete");
        cancel.setOnAction(e -> vm.cancelDelete());
        HBox confirmation = row(question, confirm, cancel);
        confirmation.getStyleClass().add("confirmation");
        confirmation.visibleProperty().bind(vm.questionProperty().isNotEmpty());
        confirmation.managedProperty().bind(confirmation.visibleProperty());

        TextField reference = new TextField();
        reference.setId("models-reference");
        reference.setPromptText("demo:tiny, hf:<org>/<repo>[:<file-or-quant>] or file:/abs/path/model.gguf");
        reference.textProperty().bindBidirectional(vm.referenceProperty());
        HBox.setHgrow(reference, Priority.ALWAYS);
        Button download = new Button("Download");
        download.setId("models-download");
        download.disableProperty().bind(vm.downloadingProperty());
        download.setOnAction(e -> vm.download());

        ProgressBar bar = new ProgressBar();
        bar.setId("models-progress-bar");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.fractionProperty());
        bar.visibleProperty().bind(vm.downloadingProperty());
        // Out of the layout while hidden, so the progress line starts at the left edge then.
        bar.managedProperty().bind(bar.visibleProperty());
        Label progress = label("models-progress", vm.progressProperty());

        Node error = ErrorPane.create("models-error", vm.errorProperty());

        VBox screen = new VBox(10, title, row(new Label("Node"), node, refresh), table, row(delete, status),
                confirmation, row(new Label("Download"), reference, download), row(bar, progress), error);
        VBox.setVgrow(table, Priority.ALWAYS);
        screen.setPadding(new Insets(16));
        screen.getStyleClass().add("models");
        return screen;
    }

    private static TableView<ModelRow> table(ModelsViewModel vm) {
        TableView<ModelRow> table = new TableView<>();
        KeepSelection.bind(table, vm.rows(), row -> row.id().isEmpty() ? row.model() : row.id());
        table.setId("models-table");
        table.getColumns().add(column("ID", ModelRow::id));
        table.getColumns().add(column("Model", ModelRow::model));
        table.getColumns().add(column("Size", ModelRow::size));
        table.getColumns().add(column("Source", ModelRow::source));
        table.getColumns().add(column("Downloaded", ModelRow::downloaded));
        table.getColumns().add(column("State", ModelRow::state));
        table.getColumns().add(column("Path", ModelRow::path));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No models on this node: download one below"));
        return table;
    }
}
