package dev.rbee.desktop.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.testing.LoopbackSshNode;
import dev.rbee.desktop.testing.RealQueen;
import dev.rbee.keeper.KeeperEnvironment;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The nodes screen in a headless toolkit against a real queen: a node (an SSH server on loopback) is added through
 * the form, its unknown host key is confirmed in the dialog, it appears in the table, and it is removed again.
 */
@ExtendWith(ApplicationExtension.class)
class NodesWindowTest {
    private static RealQueen queen;
    private static LoopbackSshNode sshNode;
    private static Path userHome;
    private static QueenConnection connection;
    private static final ExecutorService BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void start() throws Exception {
        queen = RealQueen.start();
        userHome = Files.createTempDirectory("rbee-desktop-nodes-");
        sshNode = LoopbackSshNode.start(userHome);
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        BACKGROUND.shutdownNow();
        sshNode.close();
        queen.close();
    }

    @Start
    void show(Stage stage) {
        KeeperEnvironment env = queen.keeperEnvironment();
        ShellViewModel shell = new ShellViewModel(Platform::runLater);
        connection = new QueenConnection(env, shell);
        NodesViewModel nodes = new NodesViewModel(connection::session, env.home(),
                Map.of("HOME", userHome.toString(), "USER", "tester"), BACKGROUND, Platform::runLater,
                ZoneId.systemDefault());
        Map<String, Node> screens = Map.of("Nodes", NodesView.create(nodes));
        stage.setScene(MainWindow.scene(shell, screens));
        stage.show();
        shell.connect(connection, BACKGROUND);
    }

    @Test
    void aNodeIsAddedThroughTheFormWithItsHostKeyConfirmedAndRemovedAgain(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#nodes-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("localhost", ((NodeRow) table.getItems().getFirst()).name());

        robot.clickOn("#node-name").write("loopback");
        robot.clickOn("#node-host").write("127.0.0.1");
        robot.doubleClickOn("#node-port").write("0");
        robot.clickOn("#node-user").write(LoopbackSshNode.USER);
        robot.clickOn("#node-key").write(sshNode.clientKeyFile().toString());
        robot.clickOn("#node-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The port must be a number between 1 and 65535", text(robot, "#node-port-error"),
                "checked before queen is asked");

        robot.doubleClickOn("#node-port").write(String.valueOf(sshNode.port()));
        robot.clickOn("#node-save");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#host-key-accept").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#node-port-error"));
        String question = robot.lookup("#host-key-dialog").queryAs(DialogPane.class).getContentText();
        assertTrue(question.contains("ECDSA key fingerprint is " + sshNode.fingerprint() + "."), question);
        robot.clickOn("#host-key-accept");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#nodes-status").startsWith("✅")
                || !text(robot, "#nodes-error").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#nodes-error"));
        assertEquals("✅ SSH connection successful! Node 'loopback' saved to registry. Next: Install rbee on this node",
                text(robot, "#nodes-status"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> row(table, "loopback") != null);
        WaitForAsyncUtils.waitForFxEvents();
        NodeRow added = row(table, "loopback");
        assertEquals(LoopbackSshNode.USER + "@127.0.0.1:" + sshNode.port(), added.host());
        assertTrue(added.status().startsWith("reachable"), added.status());

        robot.interact(() -> ((TableView<NodeRow>) table).getSelectionModel().select(added));
        robot.clickOn("#nodes-remove");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#remove-confirm").tryQuery().isPresent());
        robot.clickOn("#remove-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> row(table, "loopback") == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✅ Node 'loopback' removed from registry", text(robot, "#nodes-status"));
    }

    private static NodeRow row(TableView<?> table, String name) {
        return table.getItems().stream().map(NodeRow.class::cast).filter(r -> r.name().equals(name)).findFirst()
                .orElse(null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
