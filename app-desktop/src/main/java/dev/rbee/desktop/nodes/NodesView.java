package dev.rbee.desktop.nodes;

import static dev.rbee.desktop.shell.Controls.caption;
import static dev.rbee.desktop.shell.Controls.label;
import static dev.rbee.desktop.shell.Tables.column;

import dev.rbee.desktop.shell.ErrorPane;

import dev.rbee.keeper.nodes.HostKeyQuestion;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;

/** The nodes screen: binds to {@link NodesViewModel}; the dialogs only ask, the view model acts. */
public final class NodesView {
    static final ButtonType ACCEPT = new ButtonType("Accept", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REJECT = new ButtonType("Reject", ButtonBar.ButtonData.CANCEL_CLOSE);
    static final ButtonType REMOVE = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);

    private NodesView() {
    }

    public static Node create(NodesViewModel vm) {
        Label title = new Label("Nodes");
        title.getStyleClass().add("screen-title");
        TableView<NodeRow> table = table(vm);

        Label status = label("nodes-status");
        status.textProperty().bind(vm.statusProperty());
        Node error = ErrorPane.create("nodes-error", vm.errorProperty());

        ProgressBar installBar = new ProgressBar();
        installBar.setId("nodes-install-progress");
        installBar.progressProperty().bind(vm.installProgressProperty());
        installBar.setPrefWidth(240);
        Label installStatus = label("nodes-install-status");
        installStatus.textProperty().bind(vm.installStatusProperty());
        HBox install = new HBox(8, installBar, installStatus);
        install.visibleProperty().bind(vm.installStatusProperty().isNotEmpty());
        install.managedProperty().bind(install.visibleProperty());

        VBox screen = new VBox(10, title, toolbar(vm, table), table, status, error, install, importPane(vm),
                caption("SSH settings"), form(vm));
        screen.setPadding(new Insets(16));
        VBox.setVgrow(table, Priority.ALWAYS);
        vm.hostKeyProperty().addListener((obs, old, question) -> {
            if (question != null) {
                askHostKey(screen, question, vm);
            }
        });
        vm.refresh();
        return screen;
    }

    /** Wraps onto a second line in a narrow window rather than hiding buttons off the edge. */
    private static FlowPane toolbar(NodesViewModel vm, TableView<NodeRow> table) {
        Button refresh = button("nodes-refresh", "Refresh", vm::refresh);
        Button add = button("nodes-new", "New node", vm::newNode);
        Button edit = button("nodes-edit", "Edit", () -> selected(table, vm::edit));
        Button remove = button("nodes-remove", "Remove", () -> selected(table, n -> confirmRemove(table, n, vm)));
        Button test = button("nodes-test", "Test connection", () -> selected(table, vm::testConnection));
        Button install = button("nodes-install", "Install rbee on this node", () -> selected(table, vm::install));
        Button importHosts = button("nodes-import", "Import from ~/.ssh/config", vm::loadSshConfig);
        for (Button each : List.of(edit, remove, test, install)) {
            each.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                    .or(vm.busyProperty()));
        }
        FlowPane bar = new FlowPane(8, 6, refresh, add, edit, remove, test, install, importHosts);
        bar.setId("nodes-toolbar");
        return bar;
    }

    private static TableView<NodeRow> table(NodesViewModel vm) {
        TableView<NodeRow> table = new TableView<>(vm.rows());
        table.setId("nodes-table");
        table.setPlaceholder(new Label("No nodes yet"));
        table.getColumns().add(column("Node", NodeRow::name));
        table.getColumns().add(column("SSH", NodeRow::host));
        table.getColumns().add(column("Status", NodeRow::status));
        table.getColumns().add(column("Backends", NodeRow::backends));
        TableColumn<NodeRow, List<DeviceBar>> devices = column("Devices", NodeRow::devices);
        devices.setCellFactory(c -> new DevicesCell());
        devices.setPrefWidth(200);
        table.getColumns().add(devices);
        table.getColumns().add(column("RAM", NodeRow::ram));
        table.getColumns().add(column("Hive version", NodeRow::hiveVersion));
        table.getColumns().add(column("Last contact", NodeRow::lastContact));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        keepSelection(table, vm);
        return table;
    }

    /**
     * Every refresh replaces the rows, which clears the table's selection; the node chosen last is chosen again
     * (the selection model reacts to the change first, as it listened to the list first).
     */
    private static void keepSelection(TableView<NodeRow> table, NodesViewModel vm) {
        String[] chosen = {null};
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                chosen[0] = row.name();
            }
        });
        vm.rows().addListener((ListChangeListener<NodeRow>) change -> {
            if (table.getSelectionModel().isEmpty() && chosen[0] != null) {
                vm.rows().stream().filter(r -> r.name().equals(chosen[0])).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
    }

    /** A VRAM bar per GPU, labelled with its name and use; "-" for a node without GPUs. */
    private static final class DevicesCell extends TableCell<NodeRow, List<DeviceBar>> {
        @Override
        protected void updateItem(List<DeviceBar> bars, boolean empty) {
            super.updateItem(bars, empty);
            setText(null);
            if (empty || bars == null || bars.isEmpty()) {
                setGraphic(empty ? null : new Label("-"));
                return;
            }
            VBox box = new VBox(2);
            for (DeviceBar bar : bars) {
                ProgressBar vram = new ProgressBar(bar.fraction());
                vram.getStyleClass().add("vram-bar");
                vram.setMaxWidth(Double.MAX_VALUE);
                Label text = new Label(bar.label() + (bar.totalBytes() > 0
                        ? "  " + dev.rbee.keeper.cli.infer.Formats.gib(bar.usedBytes()) + " / "
                        + dev.rbee.keeper.cli.infer.Formats.gib(bar.totalBytes()) : ""));
                text.getStyleClass().add("caption");
                box.getChildren().addAll(text, vram);
            }
            setGraphic(box);
        }
    }

    private static GridPane form(NodesViewModel vm) {
        GridPane grid = new GridPane();
        grid.setId("nodes-form");
        grid.setHgap(8);
        grid.setVgap(4);
        TextField name = field(grid, 0, "Name", "node-name", vm.nameProperty(), vm.fieldErrorProperty(NodeForm.NAME));
        name.disableProperty().bind(vm.editingProperty().isNotNull());
        field(grid, 1, "Host", "node-host", vm.hostProperty(), vm.fieldErrorProperty(NodeForm.HOST));
        field(grid, 2, "Port", "node-port", vm.portProperty(), vm.fieldErrorProperty(NodeForm.PORT));
        field(grid, 3, "User", "node-user", vm.userProperty(), vm.fieldErrorProperty(NodeForm.USER));
        TextField key = field(grid, 4, "Key file", "node-key", vm.keyFileProperty(),
                vm.fieldErrorProperty(NodeForm.KEY));
        key.setPromptText("ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa, id_rsa");
        Button choose = button("node-key-choose", "Choose…", () -> chooseKey(grid, vm));
        grid.add(choose, 3, 4);
        TextField install = field(grid, 5, "rbee home", "node-install-path", vm.installPathProperty(), null);
        install.setPromptText("~/rbee");
        Button save = button("node-save", "Add node", () -> vm.save());
        save.textProperty().bind(vm.editingProperty().map(n -> "Save changes to " + n).orElse("Add node"));
        save.disableProperty().bind(vm.busyProperty());
        grid.add(save, 1, 6);
        return grid;
    }

    /** A labelled text field in {@code row}, with its inline error to the right. */
    private static TextField field(GridPane grid, int row, String text, String id, StringProperty value,
                                   StringProperty problem) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPrefColumnCount(24);
        grid.add(new Label(text), 0, row);
        grid.add(field, 1, row);
        if (problem != null) {
            Label message = label(id + "-error");
            message.getStyleClass().add("error");
            message.textProperty().bind(problem);
            grid.add(message, 2, row);
        }
        return field;
    }

    private static void chooseKey(Node owner, NodesViewModel vm) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("SSH private key");
        File ssh = new File(System.getProperty("user.home"), ".ssh");
        if (ssh.isDirectory()) {
            chooser.setInitialDirectory(ssh);
        }
        File chosen = chooser.showOpenDialog(owner.getScene().getWindow());
        if (chosen != null) {
            vm.keyFileProperty().set(chosen.getAbsolutePath());
        }
    }

    private static VBox importPane(NodesViewModel vm) {
        ListView<ImportChoice> list = new ListView<>(vm.importChoices());
        list.setId("nodes-import-list");
        list.setCellFactory(CheckBoxListCell.forListView(ImportChoice::chosen));
        list.setPrefHeight(120);
        Button add = button("nodes-import-add", "Add chosen hosts", vm::importChosen);
        add.disableProperty().bind(vm.busyProperty());
        Button cancel = button("nodes-import-cancel", "Cancel", () -> vm.importChoices().clear());
        Label note = label("nodes-import-note");
        note.textProperty().bind(vm.importNoteProperty());
        note.setWrapText(true);
        VBox choices = new VBox(6, caption("Hosts in ~/.ssh/config"), list, new HBox(8, add, cancel));
        choices.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.importChoices()));
        choices.managedProperty().bind(choices.visibleProperty());
        return new VBox(6, choices, note);
    }

    /** OpenSSH's question as a dialog; Accept resends the call with the fingerprint, Reject changes nothing. */
    private static void askHostKey(Node owner, HostKeyQuestion question, NodesViewModel vm) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question.authenticityLine() + "\n"
                + question.fingerprintLine() + "\n\nTrust this host key and continue?", ACCEPT, REJECT);
        alert.setTitle("Unknown host key");
        alert.setHeaderText("Host key of " + question.host() + ":" + question.port());
        alert.initOwner(owner.getScene().getWindow());
        alert.getDialogPane().setId("host-key-dialog");
        alert.getDialogPane().lookupButton(ACCEPT).setId("host-key-accept");
        alert.getDialogPane().lookupButton(REJECT).setId("host-key-reject");
        alert.setOnHidden(e -> {
            if (alert.getResult() == ACCEPT) {
                vm.acceptHostKey();
            } else {
                vm.rejectHostKey();
            }
        });
        alert.show();
    }

    private static void confirmRemove(Node owner, String nodeName, NodesViewModel vm) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Remove node '" + nodeName + "' from the registry? "
                + "queen-rbee stops its rbee-hive first; the known_hosts entry stays.", REMOVE, ButtonType.CANCEL);
        alert.setTitle("Remove node");
        alert.setHeaderText("Remove " + nodeName + "?");
        alert.initOwner(owner.getScene().getWindow());
        alert.getDialogPane().setId("remove-dialog");
        alert.getDialogPane().lookupButton(REMOVE).setId("remove-confirm");
        alert.setOnHidden(e -> {
            if (alert.getResult() == REMOVE) {
                vm.remove(nodeName);
            }
        });
        alert.show();
    }

    private static void selected(TableView<NodeRow> table, Consumer<String> action) {
        NodeRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row.name());
        }
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
