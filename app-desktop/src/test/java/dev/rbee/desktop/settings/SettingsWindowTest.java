package dev.rbee.desktop.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.RbeeHome;
import dev.rbee.desktop.shell.DesktopPrefs;
import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.shell.WindowMemory;
import dev.rbee.keeper.KeeperConfigLoader;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Settings screen in a window: a bad URL shows the spec's message with its code behind "Details" (copyable), a
 * good one lands in config.toml, the dark theme applies at once, and the window reopens on the screen it was left
 * on with the theme it had.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsWindowTest {
    @TempDir
    static Path home;
    private static final ExecutorService BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();
    private ShellViewModel shell;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new ShellViewModel(Platform::runLater);
        WindowMemory memory = new WindowMemory(DesktopPrefs.load(home), shell);
        memory.restoreShell();
        SettingsViewModel settings = new SettingsViewModel(new RbeeHome(home), Map.of(), shell.darkThemeProperty(),
                BACKGROUND, Platform::runLater);
        Map<String, Node> screens = new LinkedHashMap<>();
        screens.put("Overview", new Label("overview"));
        screens.put("Settings", SettingsView.create(settings));
        stage.setScene(MainWindow.scene(shell, screens));
        memory.restore(stage);
        stage.setOnHidden(event -> memory.remember(stage));
        stage.show();
    }

    @Test
    void settingsAreCheckedSavedAppliedAndRemembered(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#navigation").queryAs(ListView.class).getSelectionModel()
                .select("Settings"));
        robot.clickOn("#settings-queen-url").write("ftp://nowhere");
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-error").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("❌ Invalid queen URL 'ftp://nowhere': expected http://<host>:<port>",
                robot.lookup("#settings-error-headline").queryAs(Label.class).getText());
        robot.clickOn("#settings-error-more");
        robot.clickOn("#settings-error-copy-code");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("USAGE_ERROR", readClipboard(robot));
        assertTrue(robot.lookup("#settings-error-more").queryAs(TitledPane.class).isExpanded());

        robot.interact(() -> robot.lookup("#settings-queen-url").queryAs(javafx.scene.control.TextField.class)
                .setText("http://10.1.2.3:8080"));
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#settings-message").queryAs(Label.class)
                .getText().isEmpty());
        assertFalse(robot.lookup("#settings-error").query().isVisible());
        assertEquals("http://10.1.2.3:8080", KeeperConfigLoader.load(home.resolve("config.toml")).config().queenUrl());

        robot.clickOn((Node) robot.lookup("#settings-dark .thumb-area").query());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getScene().getRoot().getStyleClass().contains(MainWindow.DARK));

        robot.interact(stage::hide);
        DesktopPrefs remembered = DesktopPrefs.load(home);
        assertEquals("Settings", remembered.screen().orElseThrow());
        assertTrue(remembered.darkTheme());
        assertTrue(remembered.bounds().isPresent());
    }

    private static String readClipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
