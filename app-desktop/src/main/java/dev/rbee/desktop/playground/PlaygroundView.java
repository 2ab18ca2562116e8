package dev.rbee.desktop.playground;

import static dev.rbee.desktop.shell.Controls.caption;
import static dev.rbee.desktop.shell.Controls.label;

import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import dev.rbee.desktop.shell.ErrorPane;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The playground screen: binds controls to {@link PlaygroundViewModel}; holds no logic of its own. */
public final class PlaygroundView {
    private PlaygroundView() {
    }

    public static Node create(PlaygroundViewModel vm) {
        TextArea prompt = new TextArea();
        prompt.setId("prompt");
        prompt.setPromptText("Write a prompt…");
        prompt.setPrefRowCount(4);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(vm.promptProperty());

        GridPane parameters = parameters(vm);

        Button run = new Button("Run");
        run.setId("run");
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Label status = label("status", vm.statusProperty());
        HBox actions = new HBox(8, run, cancel, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("actions");

        TextArea answer = new TextArea();
        answer.setId("answer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.textProperty().bind(vm.answerProperty());
        VBox.setVgrow(answer, Priority.ALWAYS);

        Node error = ErrorPane.create("error", vm.errorProperty());

        HBox stats = new HBox(24, caption("Time to first token"), label("ttft", vm.timeToFirstTokenProperty()),
                caption("Speed"), label("tokens-per-second", vm.tokensPerSecondProperty()));
        stats.getStyleClass().add("stats");
        // The same warning the CLI prints: random weights, so gibberish is the expected answer, not a bug.
        Label demo = new Label("demo:tiny has random weights: its output is meaningless and only shows that the "
                + "cluster works.");
        demo.setId("demo-note");
        demo.getStyleClass().add("hint");
        demo.visibleProperty().bind(vm.demoModelProperty());
        demo.managedProperty().bind(demo.visibleProperty());

        Label title = new Label("Playground");
        title.getStyleClass().add("screen-title");
        VBox screen = new VBox(10, title, caption("Prompt"), prompt, parameters, actions, error,
                caption("Answer"), answer, demo, stats);
        screen.setPadding(new Insets(16));
        screen.getStyleClass().add("playground");
        return screen;
    }

    private static GridPane parameters(PlaygroundViewModel vm) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        field(grid, 0, 0, "Model", "model", vm.modelProperty(), "demo:tiny");
        field(grid, 2, 0, "Node", "node", vm.nodeProperty(), "localhost");
        field(grid, 4, 0, "Max tokens", "max-tokens", vm.maxTokensProperty(), "20");
        field(grid, 0, 1, "Temperature", "temperature", vm.temperatureProperty(), "0.7");
        field(grid, 2, 1, "Top-p", "top-p", vm.topPProperty(), "1.0");
        field(grid, 4, 1, "Top-k", "top-k", vm.topKProperty(), "0 = off");
        field(grid, 0, 2, "Seed", "seed", vm.seedProperty(), "worker picks");
        TextArea stop = new TextArea();
        stop.setId("stop");
        stop.setPromptText("one per line, \\n allowed");
        stop.setPrefRowCount(1);
        stop.textProperty().bindBidirectional(vm.stopProperty());
        grid.add(caption("Stop"), 2, 2);
        grid.add(stop, 3, 2, 3, 1);
        for (int column = 0; column < 6; column++) {
            ColumnConstraints constraints = new ColumnConstraints();
            constraints.setHgrow(column % 2 == 1 ? Priority.ALWAYS : Priority.NEVER);
            grid.getColumnConstraints().add(constraints);
        }
        return grid;
    }

    private static void field(GridPane grid, int column, int row, String caption, String id,
                              StringProperty property, String hint) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(hint);
        field.textProperty().bindBidirectional(property);
        grid.add(caption(caption), column, row);
        grid.add(field, column + 1, row);
    }
}
