package dev.rbee.desktop;

import dev.rbee.desktop.board.BoardView;
import dev.rbee.desktop.board.BoardViewModel;
import dev.rbee.desktop.logs.LogsView;
import dev.rbee.desktop.logs.LogsViewModel;
import dev.rbee.desktop.models.ModelsView;
import dev.rbee.desktop.models.ModelsViewModel;
import dev.rbee.desktop.nodes.NodesView;
import dev.rbee.desktop.nodes.NodesViewModel;
import dev.rbee.desktop.overview.FleetControlViewModel;
import dev.rbee.desktop.overview.OverviewFeed;
import dev.rbee.desktop.overview.OverviewView;
import dev.rbee.desktop.overview.OverviewViewModel;
import dev.rbee.desktop.playground.PlaygroundView;
import dev.rbee.desktop.playground.PlaygroundViewModel;
import dev.rbee.desktop.settings.SettingsView;
import dev.rbee.desktop.settings.SettingsViewModel;
import dev.rbee.desktop.shell.DesktopPrefs;
import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.shell.WindowMemory;
import dev.rbee.desktop.workers.WorkersView;
import dev.rbee.desktop.workers.WorkersViewModel;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.cli.KeeperCli;
import dev.rbee.keeper.fleet.FleetStop;
import dev.rbee.keeper.fleet.Liveness;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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
        CountDownLatch closed = new CountDownLatch(1);
        OverviewViewModel overview = new OverviewViewModel();
        OverviewFeed feed = new OverviewFeed(overview, Platform::runLater);
        FleetControlViewModel fleet = new FleetControlViewModel(queen, shell, overview, new FleetStop(Liveness.real()),
                () -> feed.start(queen, background), background, Platform::runLater);
        WindowMemory memory = new WindowMemory(DesktopPrefs.load(keeper.home().root()), shell);
        memory.restoreShell();
        SettingsViewModel settings = new SettingsViewModel(keeper.home(), env, shell.darkThemeProperty(), background,
                Platform::runLater);
        BoardViewModel board = new BoardViewModel(() -> queen.session().client(), keeper.home(), background,
                Platform::runLater);
        feed.listen(update -> board.show(update, Instant.now()));
        // Queen may read a remote log over SFTP before the stream's headers come, as for `rbee-keeper logs`.
        LogsViewModel logs = new LogsViewModel(() -> queen.session().client(Duration.ofSeconds(60)), keeper.home(),
                background, Platform::runLater);
        feed.listen(update -> logs.showCluster(update.state()));
        Platform.runLater(() -> {
            PlaygroundViewModel playground = new PlaygroundViewModel(queen::session, keeper.home(), background,
                    Platform::runLater);
            WorkersViewModel workers = new WorkersViewModel(queen::session, keeper.home(), background,
                    Platform::runLater, Clock.systemUTC());
            feed.listen(update -> {
                // Only queen's own picture: before the first snapshot the state is empty, not "no workers".
                if (update.connection().connected()) {
                    workers.show(update.state());
                }
            });
            ModelsViewModel models = new ModelsViewModel(queen::session, keeper.home(), background,
                    Platform::runLater);
            Map<String, Node> screens = new LinkedHashMap<>();
            screens.put("Overview", OverviewView.create(overview, fleet));
            screens.put("Live board", BoardView.create(board));
            screens.put("Nodes", NodesView.create(new NodesViewModel(queen::session, keeper.home(), env, background,
                    Platform::runLater, ZoneId.systemDefault())));
            screens.put("Workers", WorkersView.create(workers));
            screens.put("Models", ModelsView.create(models));
            screens.put("Playground", PlaygroundView.create(playground));
            screens.put("Logs", LogsView.create(logs));
            logs.start();
            screens.put("Settings", SettingsView.create(settings));
            Timeline ticks = everySecond(() -> {
                Instant now = Instant.now();
                overview.refresh(now);
                board.refresh(now);
                workers.tick();
            });
            Stage stage = new Stage();
            stage.setTitle(MainWindow.TITLE);
            stage.setScene(MainWindow.scene(shell, screens));
            memory.restore(stage);
            stage.setOnHidden(event -> {
                memory.remember(stage);
                ticks.stop();
                logs.stop();
                playground.cancel();
                closed.countDown();
            });
            stage.show();
            workers.refresh();
            models.refresh();
        });
        shell.connect(queen, background);
        feed.start(queen, background);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        feed.close();
        queen.close();
        background.shutdownNow();
        Platform.exit();
        return KeeperCli.OK;
    }

    /** Speeds decay and elapsed times grow without any event, so the overview is recomputed once a second. */
    private static Timeline everySecond(Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline;
    }
}
