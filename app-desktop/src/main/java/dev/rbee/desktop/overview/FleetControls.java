package dev.rbee.desktop.overview;

import static dev.rbee.desktop.shell.Tables.column;

import dev.rbee.desktop.shell.ErrorPane;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The overview's queen buttons and the "Stop everything" report, bound to {@link FleetControlViewModel}. */
final class FleetControls {
    private FleetControls() {
    }

    static Node create(FleetControlViewModel vm) {
        Button start = button("start-queen", "Start queen", vm, vm::startQueen);
        Button stop = button("stop-queen", "Stop queen", vm, vm::stopQueen);
        Button stopAll = button("stop-everything", "Stop everything…", vm, () -> confirmStopEverything(vm));
        stopAll.getStyleClass().add("danger");
        Label progress = new Label();
        progress.setId("fleet-progress");
        progress.textProperty().bind(vm.progressProperty());
        return new VBox(6, new HBox(8, start, stop, stopAll, progress), ErrorPane.create("fleet-error",
                vm.errorProperty()));
    }

    /** Shown once a "Stop everything" has run: one row per process that was running before, and the verdict. */
    static Node report(FleetControlViewModel vm) {
        Label summary = new Label();
        summary.setId("stop-report-summary");
        summary.getStyleClass().add("stat");
        summary.textProperty().bind(vm.reportSummaryProperty());
        TableView<ReportRow> table = new TableView<>(vm.report());
        table.setId("stop-report");
        table.getColumns().add(column("Process", ReportRow::process));
        table.getColumns().add(column("Node", ReportRow::node));
        table.getColumns().add(column("Outcome", ReportRow::outcome));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(150);
        Label caption = new Label("Stop report");
        caption.getStyleClass().add("caption");
        VBox box = new VBox(6, caption, summary, table);
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.reportSummaryProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static void confirmStopEverything(FleetControlViewModel vm) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Stop queen-rbee, every hive and every worker on every node? Jobs in flight are cancelled.",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Stop everything");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> vm.stopEverything());
    }

    private static Button button(String id, String text, FleetControlViewModel vm, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.disableProperty().bind(vm.busyProperty());
        button.setOnAction(event -> action.run());
        return button;
    }

}
