package dev.rbee.desktop.overview;

import static dev.rbee.desktop.shell.Controls.caption;
import static dev.rbee.desktop.shell.Controls.label;
import static dev.rbee.desktop.shell.Tables.column;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The cluster overview screen: binds to {@link OverviewViewModel}; holds no logic of its own. */
public final class OverviewView {
    private OverviewView() {
    }

    public static Node create(OverviewViewModel vm, FleetControlViewModel controls) {
        Label banner = new Label();
        banner.setId("overview-banner");
        banner.getStyleClass().add("banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.connectionProperty());
        banner.visibleProperty().bind(vm.disconnectedProperty());
        banner.managedProperty().bind(banner.visibleProperty());

        Label title = new Label("Cluster overview");
        title.getStyleClass().add("screen-title");
        Label connection = label("overview-connection");
        connection.textProperty().bind(vm.connectionProperty());
        connection.getStyleClass().add("caption");
        Label summary = label("overview-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label speed = label("overview-speed");
        speed.textProperty().bind(vm.tokensPerSecondProperty());
        speed.getStyleClass().add("stat");

        TableView<NodeRow> nodes = new TableView<>(vm.nodes());
        nodes.setId("overview-nodes");
        nodes.setPlaceholder(new Label("No nodes yet"));
        nodes.getColumns().add(column("Node", NodeRow::name));
        nodes.getColumns().add(column("Status", NodeRow::status));
        nodes.getColumns().add(column("Hive", NodeRow::hive));
        nodes.getColumns().add(column("Workers", NodeRow::workers));
        nodes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nodes.setPrefHeight(160);

        TableView<JobRow> jobs = new TableView<>(vm.jobs());
        jobs.setId("overview-jobs");
        jobs.setPlaceholder(new Label("No job in flight"));
        jobs.getColumns().add(column("Job", JobRow::jobId));
        jobs.getColumns().add(column("Node", JobRow::node));
        jobs.getColumns().add(column("Model", JobRow::model));
        jobs.getColumns().add(column("State", JobRow::state));
        jobs.getColumns().add(column("Tokens", JobRow::tokens));
        jobs.getColumns().add(column("Speed", JobRow::tokensPerSecond));
        jobs.getColumns().add(column("Elapsed", JobRow::elapsed));
        jobs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(jobs, Priority.ALWAYS);

        ListView<String> alerts = new ListView<>(vm.alerts());
        alerts.setId("overview-alerts");
        alerts.setPlaceholder(new Label("No alerts"));
        alerts.setPrefHeight(70);

        VBox screen = new VBox(10, banner, title, connection, FleetControls.create(controls), summary, speed,
                caption("Alerts"), alerts, caption("Nodes"), nodes, caption("Jobs in flight"), jobs,
                FleetControls.report(controls));
        screen.setPadding(new Insets(16));
        return screen;
    }
}
