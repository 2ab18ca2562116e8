package dev.rbee.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.playground.PlaygroundView;
import dev.rbee.desktop.playground.PlaygroundViewModel;
import dev.rbee.desktop.testing.QueenWindow;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
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
 * The main window in a headless toolkit (Monocle), driving a real queen: type a prompt, press Run, and the answer
 * of demo:tiny streams in with time to first token and speed. What only a scene can show: bindings, enabled
 * buttons, and that updates reach the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundWindowTest {
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
        PlaygroundViewModel playground = new PlaygroundViewModel(connection::session, app.env().home(),
                app.background(), Platform::runLater);
        app.show(stage, Map.of("Playground", PlaygroundView.create(playground)));
    }

    @Test
    void aPromptStreamsIntoThePlayground(FxRobot robot) throws Exception {
        ListView<?> navigation = robot.lookup("#navigation").queryAs(ListView.class);
        assertEquals(1, navigation.getItems().size(), "only screens that work are listed");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> label(robot, "#queen-status").getText().contains("already running"));
        assertTrue(label(robot, "#queen-status").getText().startsWith("queen-rbee 0.1.0 at " + app.queen().url()));

        robot.clickOn("#prompt").write("Bees make honey");
        robot.interact(() -> robot.lookup("#max-tokens").queryAs(TextField.class).setText("10"));
        robot.clickOn("#run");

        // The end of a run sets several labels in one FX event; wait for the last of them (the status), then let
        // that event finish before reading the others.
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> label(robot, "#status").getText().startsWith("Done")
                || robot.lookup("#error").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#error").query().isVisible(), label(robot, "#error-headline").getText());
        assertFalse(robot.lookup("#answer").queryAs(TextArea.class).getText().isEmpty());
        assertTrue(label(robot, "#ttft").getText().matches("\\d+ ms"), label(robot, "#ttft").getText());
        assertTrue(label(robot, "#tokens-per-second").getText().matches("\\d+\\.\\d tokens/s"));
        assertEquals("Done: 10 tokens (MAX_TOKENS)", label(robot, "#status").getText());
        assertFalse(robot.lookup("#run").queryButton().isDisabled(), "Run is enabled again");
        assertTrue(robot.lookup("#demo-note").query().isVisible(), "demo:tiny's gibberish is explained");
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }
}
