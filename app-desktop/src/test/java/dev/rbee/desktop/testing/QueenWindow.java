package dev.rbee.desktop.testing;

import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.keeper.KeeperEnvironment;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every window test needs: a {@link RealQueen}, the app's connection to it, a background executor, and the
 * main window around the screens under test. TestFX builds the window again for every test method, so
 * {@link #connect()} makes a fresh shell and connection each time; {@link #close()} closes them all, then what the
 * test registered with {@link #closeLater}, then stops queen (which fails if anything it started is left).
 */
public final class QueenWindow implements AutoCloseable {
    private final RealQueen queen;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<AutoCloseable> closers = new ArrayDeque<>();
    private ShellViewModel shell;
    private QueenConnection connection;

    private QueenWindow(RealQueen queen) {
        this.queen = queen;
    }

    public static QueenWindow start() throws Exception {
        return new QueenWindow(RealQueen.start());
    }

    /** A new shell and connection for the window about to be built. */
    public QueenConnection connect() {
        shell = new ShellViewModel(Platform::runLater);
        connection = new QueenConnection(env(), shell);
        closers.push(connection);
        return connection;
    }

    /** Shows {@code screens} in the main window, then opens the queen session in the background as the app does. */
    public void show(Stage stage, Map<String, Node> screens) {
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(MainWindow.scene(shell, screens));
        stage.show();
        shell.connect(connection, background);
    }

    /** Closed before the connections and queen, last registered first (feeds, streams, running answers). */
    public <T extends AutoCloseable> T closeLater(T closeable) {
        closers.push(closeable);
        return closeable;
    }

    public KeeperEnvironment env() {
        return queen.keeperEnvironment();
    }

    public ExecutorService background() {
        return background;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public QueenConnection connection() {
        return connection;
    }

    public RealQueen queen() {
        return queen;
    }

    @Override
    public void close() throws Exception {
        while (!closers.isEmpty()) {
            closers.pop().close();
        }
        background.shutdownNow();
        queen.close();
    }
}
