package dev.rbee.desktop;

import dev.rbee.contract.queen.HiveStatus;
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
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.workers.WorkersView;
import dev.rbee.desktop.workers.WorkersViewModel;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.fleet.FleetStop;
import dev.rbee.keeper.fleet.Liveness;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Every screen of the app with its view model, wired to one queen connection and one events feed; the window and
 * the screenshot tour build the same thing. View models are made here, views in {@link #build()} on the FX thread.
 */
public final class DesktopScreens implements AutoCloseable {
    private final QueenConnection queen;
    private final ShellViewModel shell;
    private final ExecutorService background;
    private final OverviewViewModel overview = new OverviewViewModel();
    private final OverviewFeed feed = new OverviewFeed(overview, Platform::runLater);
    private final FleetControlViewModel fleet;
    private final BoardViewModel board;
    private final NodesViewModel nodes;
    private final WorkersViewModel workers;
    private final ModelsViewModel models;
    private final PlaygroundViewModel playground;
    private final LogsViewModel logs;
    private final SettingsViewModel settings;
    private Timeline ticks;
    private Map<String, HiveStatus> lastHives = Map.of();
    private Object lastCatalogSignal = List.of();

    public DesktopScreens(KeeperEnvironment keeper, ShellViewModel shell, QueenConnection queen,
                          ExecutorService background) {
        this.queen = queen;
        this.shell = shell;
        this.background = background;
        fleet = new FleetControlViewModel(queen, shell, overview, new FleetStop(Liveness.real()),
                () -> feed.start(queen, background), background, Platform::runLater);
        board = new BoardViewModel(() -> queen.session().client(), keeper.home(), background, Platform::runLater);
        nodes = new NodesViewModel(queen::session, keeper.home(), keeper.env(), background, Platform::runLater,
                ZoneId.systemDefault());
        workers = new WorkersViewModel(queen::session, keeper.home(), background, Platform::runLater,
                Clock.systemUTC());
        models = new ModelsViewModel(queen::session, keeper.home(), background, Platform::runLater);
        playground = new PlaygroundViewModel(queen::session, keeper.home(), background, Platform::runLater);
        // Queen may read a remote log over SFTP before the stream's headers come, as for `rbee-keeper logs`.
        logs = new LogsViewModel(() -> queen.session().client(Duration.ofSeconds(60)), keeper.home(), background,
                Platform::runLater);
        settings = new SettingsViewModel(keeper.home(), keeper.env(), shell.darkThemeProperty(), background,
                Platform::runLater);
        feed.listen(update -> board.show(update, Instant.now()));
        feed.listen(update -> logs.showCluster(update.state()));
        feed.listen(update -> {
            // The node table shows each hive's state and version; reload it when a hive changes, not on every token.
            if (!update.state().hives().equals(lastHives)) {
                lastHives = update.state().hives();
                nodes.refresh();
            }
            // A worker that comes or goes, or a download that moves, may have changed a node's model catalog.
            Object catalogSignal = List.of(update.state().workers().keySet(), update.state().downloads().keySet());
            if (!catalogSignal.equals(lastCatalogSignal)) {
                lastCatalogSignal = catalogSignal;
                models.refresh();
                workers.refresh();
            }
        });
        feed.listen(update -> {
            // Only queen's own picture: before the first snapshot the state is empty, not "no workers".
            if (update.connection().connected()) {
                workers.show(update.state());
            }
        });
    }

    /** On the FX thread: the views in navigation order, and the one-second tick that ages speeds and times. */
    public Map<String, Node> build() {
        Map<String, Node> screens = new LinkedHashMap<>();
        screens.put("Overview", OverviewView.create(overview, fleet));
        screens.put("Live board", BoardView.create(board));
        screens.put("Nodes", NodesView.create(nodes));
        screens.put("Workers", WorkersView.create(workers));
        screens.put("Models", ModelsView.create(models));
        screens.put("Playground", PlaygroundView.create(playground));
        screens.put("Logs", LogsView.create(logs));
        screens.put("Settings", SettingsView.create(settings));
        ticks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), event -> {
            Instant now = Instant.now();
            overview.refresh(now);
            board.refresh(now);
            workers.tick();
        }));
        ticks.setCycleCount(Animation.INDEFINITE);
        ticks.play();
        return screens;
    }

    /** After the window shows: queen (opened in the background), its events, and the first lists. */
    public void start() {
        shell.connect(queen, background);
        feed.start(queen, background);
        logs.start();
        workers.refresh();
        models.refresh();
    }

    /** On the FX thread, when the window hides: nothing keeps running for a screen nobody sees. */
    public void stop() {
        if (ticks != null) {
            ticks.stop();
        }
        logs.stop();
        board.stopFollowing();
        playground.cancel();
    }

    @Override
    public void close() {
        feed.close();
    }

    public PlaygroundViewModel playground() { return playground; }
    public BoardViewModel board() { return board; }
    public OverviewViewModel overview() { return overview; }
}
