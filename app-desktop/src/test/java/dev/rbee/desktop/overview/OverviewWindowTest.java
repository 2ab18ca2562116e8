package dev.rbee.desktop.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.playground.PlaygroundView;
import dev.rbee.desktop.playground.PlaygroundViewModel;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.testing.QueenWindow;
import dev.rbee.keeper.fleet.FleetStop;
import dev.rbee.keeper.fleet.Liveness;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The overview in a headless toolkit, fed live by a real queen's {@code /v2/events}: it shows the local node, and a
 * job run from the playground leaves its worker counted as idle, with nothing in flight afterwards.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverviewWindowTest {
    private static OverviewFeed feed;
    private static PlaygroundViewModel playground;
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
        if (feed != null) {
            feed.close(); // TestFX builds the window again for every test; one event feed at a time
        }
        QueenConnection connection = app.connect();
        OverviewViewModel overview = new OverviewViewModel();
        feed = app.closeLater(new OverviewFeed(overview, Platform::runLater));
        FleetControlViewModel fleet = new FleetControlViewModel(connection, app.shell(), overview,
                new FleetStop(Liveness.real()), () -> feed.start(connection, app.background()), app.background(),
                Platform::runLater);
        playground = new PlaygroundViewModel(connection::session, app.env().home(), app.background(),
                Platform::runLater);
        Map<String, Node> screens = new LinkedHashMap<>();
        screens.put("Overview", OverviewView.create(overview, fleet));
        screens.put("Playground", PlaygroundView.create(playground));
        app.show(stage, screens);
        feed.start(connection, app.background());
    }

    @Test
    @Order(1)
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

    /**
     * After the first test, queen runs a hive and an idle worker. Stop everything (confirmed in its dialog) must
     * list those three processes as stopped, and they must really be gone; Start queen then brings a queen back.
     */
    @Test
    @Order(2)
    void stopEverythingProvesNothingIsLeftAndStartQueenBringsItBack(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, "#overview-summary").contains("1 worker"));
        List<ProcessHandle> before = app.queen().processTree();
        assertTrue(before.size() >= 3, "queen, hive and worker run: " + before);

        robot.clickOn("#stop-everything");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(node -> node instanceof Button button && "OK".equals(button.getText()))
                .queryAs(Button.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !text(robot, "#stop-report-summary").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("✅ Nothing left running: 3 stopped · 0 force-killed · 0 still running",
                text(robot, "#stop-report-summary"));
        TableView<?> report = robot.lookup("#stop-report").queryAs(TableView.class);
        List<String> processes = report.getItems().stream().map(row -> ((ReportRow) row).process()).toList();
        assertEquals(List.of("queen-rbee", "rbee-hive"), processes.subList(0, 2));
        assertTrue(processes.get(2).startsWith("worker-"), processes.toString());
        assertTrue(report.getItems().stream().allMatch(row -> ((ReportRow) row).outcome().equals("✅ stopped")));
        assertTrue(before.stream().noneMatch(ProcessHandle::isAlive), "the report must not claim what is untrue");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#overview-banner")
                .equals(OverviewViewModel.QUEEN_STOPPED));
        assertEquals(ShellViewModel.STOPPED_BY_USER, text(robot, "#queen-status"));

        robot.clickOn("#start-queen");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> text(robot, "#overview-connection")
                .equals("Connected to queen-rbee: live"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#queen-status").endsWith("started by this app; stopped when the window closes"),
                text(robot, "#queen-status"));
        assertFalse(robot.lookup("#overview-banner").query().isVisible());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
