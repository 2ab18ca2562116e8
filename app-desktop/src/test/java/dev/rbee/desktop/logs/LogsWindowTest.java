package dev.rbee.desktop.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.testing.QueenWindow;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The logs screen in a headless toolkit following a real queen's own log through {@code GET /v2/logs?follow=true}:
 * starting the local hive makes queen log a new line, which appears; the filter then hides every other line.
 */
@ExtendWith(ApplicationExtension.class)
class LogsWindowTest {
    private static LogsViewModel logs;
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
        logs = new LogsViewModel(() -> connection.session().client(Duration.ofSeconds(60)), app.env().home(),
                app.background(), Platform::runLater);
        app.closeLater(logs::stop);
        app.show(stage, Map.of("Logs", LogsView.create(logs)));
        logs.start();
    }

    @Test
    void followsQueensLogAndFiltersIt(FxRobot robot) throws Exception {
        ListView<?> lines = robot.lookup("#logs-lines").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> texts(lines).stream()
                .anyMatch(line -> line.contains("listening on")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#logs-status")
                .equals("Following queen-rbee's log"));
        assertFalse(texts(lines).stream().anyMatch(line -> line.contains("Starting rbee-hive")));
        // Cells are laid out on the next pulse after the lines arrive.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> !robot.lookup("#logs-lines .log-info").queryAll().isEmpty());

        // An action queen logs: starting the local hive.
        app.background().submit(() -> app.connection().session().client().hiveStart("localhost"))
                .get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> texts(lines).stream()
                .anyMatch(line -> line.contains("Starting rbee-hive on localhost")));
        WaitForAsyncUtils.waitForFxEvents();
        int all = lines.getItems().size();
        assertTrue(all >= 3, texts(lines).toString());

        robot.clickOn("#logs-filter").write("HiveControl");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = texts(lines);
        assertFalse(shown.isEmpty());
        assertTrue(shown.size() < all, shown.toString());
        assertTrue(shown.stream().allMatch(line -> line.contains("HiveControl")), shown.toString());
        assertEquals("", text(robot, "#logs-error-headline"));
    }

    /** Read on the FX thread, which is the only one that changes the list. */
    private static List<String> texts(ListView<?> lines) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> lines.getItems().stream().map(item -> ((LogLine) item).text())
                .toList()).get(5, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
