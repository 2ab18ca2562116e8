package dev.rbee.desktop.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.testing.QueenWindow;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The models screen in a headless toolkit against a real queen: demo:tiny downloaded through the form lands in
 * localhost's catalog, and Delete with its confirmation removes it again.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsWindowTest {
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
        ModelsViewModel models = new ModelsViewModel(connection::session, app.env().home(), app.background(),
                Platform::runLater);
        app.show(stage, Map.of("Models", ModelsView.create(models)));
        models.refresh();
    }

    @Test
    void demoTinyIsDownloadedListedAndDeleted(FxRobot robot) throws Exception {
        ComboBox<?> node = robot.lookup("#models-node").queryAs(ComboBox.class);
        TableView<ModelRow> table = robot.lookup("#models-table").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> node.getItems().contains("localhost"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().isEmpty(), "a fresh node has no models: " + table.getItems());

        robot.interact(() -> robot.lookup("#models-reference").queryAs(TextField.class).setText("demo:tiny"));
        robot.clickOn("#models-download");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text(robot, "#models-status").startsWith("✅")
                || !text(robot, "#models-error-headline").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#models-error-headline"));
        assertTrue(text(robot, "#models-status").startsWith("✅ demo:tiny "), text(robot, "#models-status"));
        assertEquals(1, table.getItems().size(), table.getItems().toString());
        ModelRow row = table.getItems().getFirst();
        assertEquals("demo:tiny", row.model());
        assertEquals("downloaded", row.state());
        assertEquals("demo", row.source());

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#models-delete");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#models-question").startsWith("Delete " + row.id() + " ("),
                text(robot, "#models-question"));
        robot.clickOn("#models-confirm-delete");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#models-status").startsWith("✅ Deleted")
                || !text(robot, "#models-error-headline").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#models-error-headline"));
        assertTrue(text(robot, "#models-status").startsWith("✅ Deleted " + row.id() + " from localhost ("),
                text(robot, "#models-status"));
        assertTrue(table.getItems().isEmpty(), table.getItems().toString());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
