package dev.rbee.desktop.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.testing.RealQueen;
import dev.rbee.keeper.KeeperEnvironment;
import javafx.application.Platform;
import javafx.scene.Node;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The models screen in a headless toolkit against a real queen: demo:tiny downloaded through the form lands in
 * localhost's catalog, and Delete with its confirmation removes it again.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsWindowTest {
    private static RealQueen queen;
    private static QueenConnection connection;
    private static final ExecutorService BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void startQueen() throws Exception {
        queen = RealQueen.start();
    }

    @AfterAll
    static void stopQueen() throws Exception {
        if (connection != null) {
            connection.close();
        }
        BACKGROUND.shutdownNow();
        queen.close();
    }

    @Start
    void start(Stage stage) {
        KeeperEnvironment env = queen.keeperEnvironment();
        ShellViewModel shell = new ShellViewModel(Platform::runLater);
        connection = new QueenConnection(env, shell);
        ModelsViewModel models = new ModelsViewModel(connection::session, env.home(), BACKGROUND, Platform::runLater);
        stage.setScene(MainWindow.scene(shell, Map.<String, Node>of("Models", ModelsView.create(models))));
        stage.show();
        shell.connect(connection, BACKGROUND);
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
