package dev.rbee.desktop.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.playground.PlaygroundView;
import dev.rbee.desktop.playground.PlaygroundViewModel;
import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.testing.RealQueen;
import dev.rbee.keeper.KeeperEnvironment;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The overview in a headless toolkit, fed live by a real queen's {@code /v2/events}: it shows the local node, and a
 * job run from the playground leaves its worker counted as idle, with nothing in flight afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewWindowTest {
    private static RealQueen queen;
    private static QueenConnection connection;
    private static OverviewFeed feed;
    private static PlaygroundViewModel playground;
    private static final ExecutorService BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void startQueen() throws Exception {
        queen = RealQueen.start();
    }

    @AfterAll
    static void stopQueen() throws Exception {
        if (feed != null) {
            feed.close();
        }
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
        OverviewViewModel overview = new OverviewViewModel();
        feed = new OverviewFeed(overview, Platform::runLater);
        playground = new PlaygroundViewModel(connection::session, env.home(), BACKGROUND, Platform::runLater);
        Map<String, Node> screens = new LinkedHashMap<>();
        screens.put("Overview", OverviewView.create(overview));
        screens.put("Playground", PlaygroundView.create(playground));
        stage.setScene(MainWindow.scene(shell, screens));
        stage.show();
        shell.connect(connection, BACKGROUND);
        feed.start(connection, BACKGROUND);
    }

    @Test
    void theOverviewFollowsAJobLive(FxRobot robot) throws Exception {
        ListView<?> navigation = robot.lookup("#navigation").queryAs(ListView.class);
        assertEquals("Overview", navigation.getItems().getFirst(), "the overview comes first");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "#overview-connection")
                .equals("Connected to queen-rbee: live"));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> nodes = robot.lookup("#overview-nodes").queryAs(TableView.class);
        assertEquals(new NodeRow("localhost", "reachable", "stopped", 0), nodes.getItems().getFirst());
        assertFalse(robot.lookup("#overview-banner").query().isVisible(), "no banner while connected");

        robot.interact(() -> {
            playground.promptProperty().set("Bees make honey");
            playground.maxTokensProperty().set("10");
            playground.run();
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> playground.statusProperty().get().startsWith("Done")
                || !playground.errorProperty().get().isEmpty());
        assertEquals("", playground.errorProperty().get());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#overview-summary")
                .equals("1 node · 1 hive running · 1 worker (1 idle) · 0 jobs in flight"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(((NodeRow) nodes.getItems().getFirst()).hive().startsWith("running"), nodes.getItems().toString());
        assertEquals(1, ((NodeRow) nodes.getItems().getFirst()).workers());
        assertTrue(text(robot, "#overview-speed").endsWith("tokens/s across the cluster"));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
