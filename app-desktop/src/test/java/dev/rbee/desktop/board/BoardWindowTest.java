package dev.rbee.desktop.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.overview.OverviewFeed;
import dev.rbee.desktop.overview.OverviewViewModel;
import dev.rbee.desktop.playground.PlaygroundView;
import dev.rbee.desktop.playground.PlaygroundViewModel;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.testing.QueenWindow;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The live board in a headless toolkit, fed by a real queen's {@code /v2/events} through the feed the overview
 * shares: a long playground generation on a real demo:tiny worker shows up with its tokens growing, is followed in
 * the detail pane (its generated text growing live), and leaves the board once the board's Cancel ({@code DELETE /v2/tasks/{id}}) has ended it.
 */
@ExtendWith(ApplicationExtension.class)
class BoardWindowTest {
    private static PlaygroundViewModel playground;
    private static BoardViewModel board;
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
        board = new BoardViewModel(() -> connection.session().client(), app.env().home(), app.background(),
                Platform::runLater);
        OverviewFeed feed = app.closeLater(new OverviewFeed(new OverviewViewModel(), Platform::runLater)
                .listen(update -> board.show(update, Instant.now())));
        playground = new PlaygroundViewModel(connection::session, app.env().home(), app.background(),
                Platform::runLater);
        app.closeLater(playground::cancel);
        Map<String, Node> screens = new LinkedHashMap<>();
        screens.put("Live board", BoardView.create(board));
        screens.put("Playground", PlaygroundView.create(playground));
        app.show(stage, screens);
        feed.start(connection, app.background());
    }

    @Test
    void aLongJobShowsUpGrowsIsFollowedAndLeavesWhenCancelled(FxRobot robot) throws Exception {
        robot.clickOn("Live board");
        robot.interact(() -> {
            playground.promptProperty().set("Bees make honey");
            playground.maxTokensProperty().set("100000");
            playground.run();
        });
        TableView<?> table = robot.lookup("#board-jobs").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> onFx(() -> !board.jobs().isEmpty()
                && board.jobs().getFirst().tokensProperty().get() > 0));
        WaitForAsyncUtils.waitForFxEvents();
        BoardJob job = board.jobs().getFirst();
        assertEquals(1, table.getItems().size());
        assertEquals("localhost", job.nodeProperty().get());
        assertEquals("demo:tiny", job.modelProperty().get());
        long seen = job.tokensProperty().get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> job.tokensProperty().get() >= seen + 10));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> !BoardJob.WORKER_UNKNOWN.equals(job.workerProperty().get())));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(job.workerProperty().get().startsWith("worker-"), job.workerProperty().get());

        robot.clickOn(robot.lookup("#board-jobs .table-row-cell").nth(0).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> text(robot, "#board-detail-title")
                .startsWith(job.jobId() + " · demo:tiny on localhost")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> stream(robot).lines().count() >= 2));
        assertTrue(stream(robot).contains("running"), stream(robot));
        // The job's full stream, followed through GET /v2/tasks/{id}/stream: the text so far, then growing live.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !area(robot, "#board-text").isEmpty()));
        int followed = onFxLength(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFxLength(robot) > followed + 20);
        assertFalse(area(robot, "#board-text").contains("❌"), area(robot, "#board-text"));
        assertFalse(robot.lookup("#board-cancel").queryButton().isDisabled());

        robot.clickOn("#board-cancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> board.jobs().isEmpty()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> stream(robot).contains("ended: cancelled")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().isEmpty(), "the cancelled job left the board");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> area(robot, "#board-text").contains("[ended: CANCELLED")));
        assertEquals(job.jobId() + " · no longer in flight", text(robot, "#board-detail-title"));
        assertTrue(robot.lookup("#board-cancel").queryButton().isDisabled());
        assertEquals("", text(robot, "#board-error-headline"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !playground.runningProperty().get());
    }

    /** Reads what the FX thread changes on the FX thread. */
    private static boolean onFx(Callable<Boolean> check) throws Exception {
        return WaitForAsyncUtils.asyncFx(check).get(5, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String stream(FxRobot robot) {
        return area(robot, "#board-stream");
    }

    private static String area(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextArea.class).getText();
    }

    private static int onFxLength(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> area(robot, "#board-text").length()).get(5, TimeUnit.SECONDS);
    }
}
