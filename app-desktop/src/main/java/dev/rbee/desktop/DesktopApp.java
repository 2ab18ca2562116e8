package dev.rbee.desktop;

import dev.rbee.desktop.shell.DesktopPrefs;
import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.shell.WindowMemory;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.cli.KeeperCli;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the toolkit and runs the window until it closes. JavaFX is started with {@link Platform#startup} rather
 * than through an {@code Application} subclass, so a toolkit that cannot start is an exception we can turn into the
 * CLI fallback of cli.md §2, and the launcher class stays free of JavaFX.
 */
final class DesktopApp {
    /**
     * JavaFX warns on stderr that it runs from the class path ("Unsupported JavaFX configuration"); the app is
     * tested that way and the CLI's stderr must stay meaningful. Held here because the logging framework keeps only
     * weak references to loggers, and a collected logger would forget its level.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private DesktopApp() {
    }

    /** Null when the toolkit runs; else why it could not start (e.g. "Unable to open DISPLAY"). */
    static String startToolkit() {
        JAVAFX_LOG.setLevel(Level.SEVERE);
        try {
            Platform.startup(() -> { });
            Platform.setImplicitExit(false);
            return null;
        } catch (RuntimeException | LinkageError e) {
            // Reported to the user as the reason of the fallback; nothing else can be done without a toolkit.
            return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** Shows the window and blocks until it closes; then stops the queen this app started, if any. */
    static int run(Map<String, String> env) {
        KeeperEnvironment keeper = KeeperEnvironment.from(env);
        ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        ShellViewModel shell = new ShellViewModel(Platform::runLater);
        QueenConnection queen = new QueenConnection(keeper, shell);
        WindowMemory memory = new WindowMemory(DesktopPrefs.load(keeper.home().root()), shell);
        memory.restoreShell();
        DesktopScreens screens = new DesktopScreens(keeper, shell, queen, background);
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            Stage stage = new Stage();
            stage.setTitle(MainWindow.TITLE);
            stage.setScene(MainWindow.scene(shell, screens.build()));
            memory.restore(stage);
            stage.setOnHidden(event -> {
                memory.remember(stage);
                screens.stop();
                closed.countDown();
            });
            stage.show();
            screens.start();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        screens.close();
        queen.close();
        background.shutdownNow();
        Platform.exit();
        return KeeperCli.OK;
    }
}
