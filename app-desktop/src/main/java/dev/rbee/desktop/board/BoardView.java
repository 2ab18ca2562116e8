package dev.rbee.desktop.board;

import dev.rbee.desktop.shell.ErrorPane;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The live board screen: the jobs in flight on the left, the selected job's stream on the right. No logic here. */
public final class BoardView {
    private BoardView() {
    }

    public static Node create(BoardViewModel vm) {
        Label title = new Label("Live board");
        title.getStyleClass().add("screen-title");
        Label summary = new Label();
        summary.setId("board-summary");
        summary.getStyleClass().add("stat");
        summary.textProperty().bind(vm.summaryProperty());

        TableView<BoardJob> jobs = new TableView<>(vm.jobs());
        jobs.setId("board-jobs");
        jobs.setPlaceholder(new Label("No job in flight"));
        jobs.getColumns().add(column("Job", job -> new ReadOnlyStringWrapper(job.jobId())));
        jobs.getColumns().add(column("Node", BoardJob::nodeProperty));
        jobs.getColumns().add(column("Worker", BoardJob::workerProperty));
        jobs.getColumns().add(column("Model", BoardJob::modelProperty));
        jobs.getColumns().add(column("State", BoardJob::stateProperty));
        jobs.getColumns().add(column("Tokens", job -> job.tokensProperty().asObject()));
        jobs.getColumns().add(column("Speed", BoardJob::speedProperty));
        jobs.getColumns().add(column("Elapsed", BoardJob::elapsedProperty));
        jobs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Only a choice of the operator changes the followed job: a row that leaves the board clears the table's
        // selection, but the detail pane keeps showing how that job ended.
        jobs.getSelectionModel().selectedItemProperty().addListener((observable, before, chosen) -> {
            if (chosen != null) {
                vm.select(chosen.jobId());
            }
        });

        VBox detail = detail(vm);
        SplitPane split = new SplitPane(jobs, detail);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);

        VBox screen = new VBox(10, title, summary, split);
        screen.getStyleClass().add("board");
        screen.setPadding(new Insets(16));
        return screen;
    }

    private static VBox detail(BoardViewModel vm) {
        Label detailTitle = new Label();
        detailTitle.setId("board-detail-title");
        detailTitle.setWrapText(true);
        detailTitle.textProperty().bind(vm.detailTitleProperty());

        TextArea stream = new TextArea();
        stream.setId("board-stream");
        stream.getStyleClass().add("board-stream");
        stream.setEditable(false);
        stream.textProperty().bind(vm.detailStreamProperty());
        // Follow the stream: the newest line stays in sight.
        stream.textProperty().addListener((observable, before, text) -> stream.setScrollTop(Double.MAX_VALUE));
        VBox.setVgrow(stream, Priority.ALWAYS);

        TextArea followed = new TextArea();
        followed.setId("board-text");
        followed.getStyleClass().add("board-text");
        followed.setEditable(false);
        followed.setWrapText(true);
        followed.textProperty().bind(vm.followedTextProperty());
        followed.textProperty().addListener((observable, before, text) -> followed.setScrollTop(Double.MAX_VALUE));
        VBox.setVgrow(followed, Priority.ALWAYS);
        Label textCaption = new Label("Generated text (the job's full stream, live)");
        textCaption.getStyleClass().add("caption");

        Button cancel = new Button("Cancel job");
        cancel.setId("board-cancel");
        cancel.disableProperty().bind(vm.cancellableProperty().not());
        cancel.setOnAction(event -> vm.cancelSelected());
        Label status = new Label();
        status.setId("board-status");
        status.getStyleClass().add("caption");
        status.textProperty().bind(vm.statusProperty());
        HBox actions = new HBox(10, cancel, status);

        Node error = ErrorPane.create("board-error", vm.errorProperty());

        Label caption = new Label("Job stream (state and tokens as queen reports them)");
        caption.getStyleClass().add("caption");
        VBox detail = new VBox(8, detailTitle, textCaption, followed, caption, stream, actions, error);
        detail.setPadding(new Insets(0, 0, 0, 10));
        return detail;
    }

    private static <V> TableColumn<BoardJob, V> column(String title, Function<BoardJob, ObservableValue<V>> value) {
        TableColumn<BoardJob, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        return column;
    }
}
