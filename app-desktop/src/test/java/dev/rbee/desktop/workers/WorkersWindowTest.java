package dev.rbee.desktop.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.testing.QueenWindow;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The workers screen in a headless toolkit against a real queen: a demo:tiny worker started through the form on
 * localhost (cpu) shows its progress, appears idle in the table, and is gone after Stop.
 */
@ExtendWith(ApplicationExtension.class)
class WorkersWindowTest {
    private static WorkersViewModel workers;
    private static QueenWindow app;

    @BeforeAll
    static void startQueen() throws Exception {
        app = QueenWindow.start();
    }

    @AfterAll
    static void stopQueen() throws Exception {
        app.close();
    }

    @Start
    void start(Stage stage) {
        QueenConnection connection = app.connect();
        workers = new WorkersViewModel(connection::session, app.env().home(), app.background(), Platform::runLater,
                Clock.systemUTC());
        app.show(stage, Map.of("Workers", WorkersView.create(workers)));
        workers.refresh();
    }

    @Test
    void aWorkerStartedThroughTheFormRunsAndStops(FxRobot robot) throws Exception {
        ComboBox<?> node = robot.lookup("#workers-node").queryAs(ComboBox.class);
        ComboBox<?> backend = robot.lookup("#workers-backend").queryAs(ComboBox.class);
        // The node's facts arrive from queen: the registry lists localhost, its hive reports the cpu backend.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> node.getItems().contains("localhost")
                && backend.getItems().contains("cpu"));
        robot.interact(() -> robot.lookup("#workers-backend").<String>queryComboBox().setValue("cpu"));
        WaitForAsyncUtils.waitForFxEvents();
        String preview = text(robot, "#workers-preview");
        assertTrue(preview.startsWith("✅ "), preview);

        robot.clickOn("#workers-start");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> text(robot, "#workers-progress").startsWith("✅ Worker")
                || !text(robot, "#workers-error-headline").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#workers-error-headline"));
        assertTrue(text(robot, "#workers-progress").contains("ready on localhost (cpu:0, demo:tiny)"),
                text(robot, "#workers-progress"));

        TableView<WorkerRow> table = robot.lookup("#workers-table").queryTableView();
        robot.clickOn("#workers-refresh");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 1
                && table.getItems().getFirst().state().equals("idle"));
        WaitForAsyncUtils.waitForFxEvents();
        WorkerRow row = table.getItems().getFirst();
        assertEquals("demo:tiny", row.model());
        assertEquals("cpu:0", row.placement());
        assertEquals("0/1", row.slots());

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(workers::tick);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(row.id(), table.getSelectionModel().getSelectedItem().id(), "the tick keeps the selection");
        robot.clickOn("#workers-stop");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✅ Worker " + row.id() + " on localhost is draining and will stop",
                text(robot, "#workers-status"));
        assertEquals("", text(robot, "#workers-error-headline"));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
