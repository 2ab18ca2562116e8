package dev.rbee.desktop.logs;

import dev.rbee.desktop.shell.ErrorPane;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Arrays;

/** The logs screen: source chooser, Follow, Pause, filter, and the lines coloured by level. No logic here. */
public final class LogsView {
    private LogsView() {
    }

    public static Node create(LogsViewModel vm) {
        Label title = new Label("Logs");
        title.getStyleClass().add("screen-title");

        ComboBox<LogSource> source = new ComboBox<>(vm.sources());
        source.setId("logs-source");
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        CheckBox follow = new CheckBox("Follow");
        follow.setId("logs-follow");
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("logs-pause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        TextField filter = new TextField();
        filter.setId("logs-filter");
        filter.setPromptText("Filter (text in the line)");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button reload = new Button("Reload");
        reload.setId("logs-reload");
        reload.setOnAction(event -> vm.start());
        HBox controls = new HBox(10, source, follow, pause, filter, reload);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("logs-status");
        status.getStyleClass().add("caption");
        status.textProperty().bind(vm.statusProperty());
        Node error = ErrorPane.create("logs-error", vm.errorProperty());

        ListView<LogLine> lines = new ListView<>(vm.visibleLines());
        lines.setId("logs-lines");
        lines.getStyleClass().add("log-lines");
        lines.setPlaceholder(new Label("No lines (yet)"));
        lines.setCellFactory(list -> new LogCell());
        // Follow keeps the newest line in sight; with it off (or paused) the operator scrolls freely.
        vm.visibleLines().addListener((ListChangeListener<LogLine>) change -> {
            if (vm.followProperty().get() && !vm.pausedProperty().get() && !lines.getItems().isEmpty()) {
                lines.scrollTo(lines.getItems().size() - 1);
            }
        });
        VBox.setVgrow(lines, Priority.ALWAYS);

        VBox screen = new VBox(10, title, controls, status, error, lines);
        screen.setPadding(new Insets(16));
        return screen;
    }

    /** A line in the colour of its level: a style class per level, the colours in rbee.css. */
    static final class LogCell extends ListCell<LogLine> {
        private static final String[] LEVEL_CLASSES = Arrays.stream(LogLevel.values()).map(l -> l.styleClass)
                .distinct().toArray(String[]::new);

        @Override
        protected void updateItem(LogLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll(LEVEL_CLASSES);
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.text());
            getStyleClass().add(line.level().styleClass);
        }
    }
}
