package dev.rbee.desktop.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.Version;
import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.testing.LoopbackSshNode;
import dev.rbee.contract.queen.UpdateNodeRequest;
import dev.rbee.desktop.testing.RealQueen;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.KeeperEnvironment;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The nodes screen in a headless toolkit against a real queen: a node (an SSH server on loopback) is added through
 * the form, its unknown host key is confirmed in the dialog and it appears in the table; Test connection passes,
 * rbee is installed on it with progress, a second node is imported from ~/.ssh/config, and both are removed.
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
    void aNodeIsAddedThroughTheFormTestedInstalledImportedAndRemoved(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#nodes-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("localhost", ((NodeRow) table.getItems().getFirst()).name());

        robot.clickOn("#node-name").write("loopback");
        robot.clickOn("#node-host").write("127.0.0.1");
        robot.doubleClickOn("#node-port").write("0");
        robot.clickOn("#node-user").write(LoopbackSshNode.USER);
        robot.clickOn("#node-key").write(sshNode.clientKeyFile().toString());
        robot.clickOn("#node-install-path").write(nodeRbee().toString());
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
                || !text(robot, "#nodes-error-headline").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#nodes-error-headline"));
        assertEquals("✅ SSH connection successful! Node 'loopback' saved to registry. Next: Install rbee on this node",
                text(robot, "#nodes-status"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> row(table, "loopback") != null);
        WaitForAsyncUtils.waitForFxEvents();
        NodeRow added = row(table, "loopback");
        assertEquals(LoopbackSshNode.USER + "@127.0.0.1:" + sshNode.port(), added.host());
        assertTrue(added.status().startsWith("reachable"), added.status());

        select(robot, table, "loopback");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nodes-test");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#nodes-status")
                .equals("✅ SSH connection to 'loopback' works") || !text(robot, "#nodes-error-headline").isEmpty());
        assertEquals("", text(robot, "#nodes-error-headline"));

        // The form keeps queen's default hive port (9200); a free one keeps this test off any hive already running here.
        queen.keeperEnvironment().queenClient(QueenUrl.parse(queen.url())).updateNode(new UpdateNodeRequest(
                "loopback", null, null, null, null, null, freePort(), null, null));
        installsWithProgress(robot, table);
        importsFromSshConfig(robot, table);
        remove(robot, table, "loopback");
        remove(robot, table, "imported");
    }

    /** Queen copies its distribution to the node by SFTP; the bar ends full and the table shows the version. */
    private static void installsWithProgress(FxRobot robot, TableView<?> table) throws Exception {
        select(robot, table, "loopback");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#nodes-install").query().isDisabled(), "a node is selected");
        robot.clickOn("#nodes-install");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text(robot, "#nodes-install-status").startsWith("✅")
                || !text(robot, "#nodes-error-headline").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text(robot, "#nodes-error-headline"));
        assertEquals("✅ rbee " + Version.CURRENT + " installed on loopback at " + nodeRbee(),
                text(robot, "#nodes-install-status"));
        assertEquals(1.0, robot.lookup("#nodes-install-progress").queryAs(ProgressBar.class).getProgress());
        assertTrue(Files.isExecutable(nodeRbee().resolve("bin/rbee-hive")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Version.CURRENT.equals(row(table, "loopback")
                .hiveVersion()));
    }

    /** A Host of ~/.ssh/config is offered with a checkbox and added; its host key is known by now, so no dialog. */
    private static void importsFromSshConfig(FxRobot robot, TableView<?> table) throws Exception {
        Files.createDirectories(userHome.resolve(".ssh"));
        Files.writeString(userHome.resolve(".ssh/config"), """
                Host imported
                    HostName 127.0.0.1
                    Port %d
                    User %s
                    IdentityFile %s
                Host *.example
                    User nobody
                """.formatted(sshNode.port(), LoopbackSshNode.USER, sshNode.clientKeyFile()));
        robot.clickOn("#nodes-import");
        ListView<?> offered = robot.lookup("#nodes-import-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !offered.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("imported"), offered.getItems().stream().map(c -> ((ImportChoice) c).host().alias())
                .toList());
        robot.clickOn("#nodes-import-add");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#nodes-status")
                .equals("✅ Imported imported") || !text(robot, "#nodes-error-headline").isEmpty());
        assertEquals("", text(robot, "#nodes-error-headline"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> row(table, "imported") != null);
    }

    /** Remove asks first; the node leaves the table. */
    private static void remove(FxRobot robot, TableView<?> table, String name) throws Exception {
        select(robot, table, name);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nodes-remove");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#remove-confirm").tryQuery().isPresent());
        robot.clickOn("#remove-confirm");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> row(table, name) == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✅ Node '" + name + "' removed from registry", text(robot, "#nodes-status"));
    }

    @SuppressWarnings("unchecked")
    private static void select(FxRobot robot, TableView<?> table, String name) {
        robot.interact(() -> ((TableView<NodeRow>) table).getSelectionModel().select(row(table, name)));
    }

    private static Path nodeRbee() {
        return userHome.resolve("node-rbee");
    }

    private static NodeRow row(TableView<?> table, String name) {
        return table.getItems().stream().map(NodeRow.class::cast).filter(r -> r.name().equals(name)).findFirst()
                .orElse(null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
