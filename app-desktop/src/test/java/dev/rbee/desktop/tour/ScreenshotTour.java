package dev.rbee.desktop.tour;

import dev.rbee.desktop.DesktopScreens;
import dev.rbee.desktop.shell.MainWindow;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.desktop.testing.RealQueen;
import dev.rbee.keeper.KeeperEnvironment;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README's screenshots: the whole app (the same {@link DesktopScreens} as the real window) against a real
 * queen with a real demo:tiny worker, one PNG per screen, while a long answer streams. Not a test: it runs only
 * when {@code rbee.screenshots} names the folder, see docs/screenshots/take.sh.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "rbee.screenshots", matches = ".+")
class ScreenshotTour {
    private static final ExecutorService BACKGROUND = Executors.newVirtualThreadPerTaskExecutor();
    private RealQueen queen;
    private QueenConnection connection;
    private DesktopScreens screens;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        queen = RealQueen.start();
        KeeperEnvironment env = queen.keeperEnvironment();
        ShellViewModel shell = new ShellViewModel(Platform::runLater);
        connection = new QueenConnection(env, shell);
        screens = new DesktopScreens(env, shell, connection, BACKGROUND);
        stage.setTitle(MainWindow.TITLE);
        stage.setScene(MainWindow.scene(shell, screens.build()));
        stage.show();
        screens.start();
    }

    @Test
    void everyScreen(FxRobot robot) throws Exception {
        Path folder = Path.of(System.getProperty("rbee.screenshots"));
        Files.createDirectories(folder);
        try {
            show(robot, "Playground");
            robot.interact(() -> {
                screens.playground().promptProperty().set("Once upon a time, in a hive far away,");
                screens.playground().maxTokensProperty().set("48");
                screens.playground().seedProperty().set("7");
                screens.playground().run();
            });
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS,
                    () -> screens.playground().statusProperty().get().startsWith("Done"));
            take(robot, folder, "Playground", "playground");

            robot.interact(() -> {
                screens.playground().maxTokensProperty().set("3000");
                screens.playground().run();
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !screens.board().jobs().isEmpty()
                    && screens.board().jobs().getFirst().tokensProperty().get() > 40);
            robot.interact(() -> screens.board().select(screens.board().jobs().getFirst().jobId()));
            show(robot, "Live board");
            robot.interact(() -> robot.lookup("#board-jobs").queryAs(TableView.class).getSelectionModel()
                    .selectFirst());
            Thread.sleep(1500);
            take(robot, folder, "Live board", "board");
            take(robot, folder, "Overview", "overview");
            take(robot, folder, "Workers", "workers");
            take(robot, folder, "Models", "models");
            take(robot, folder, "Nodes", "nodes");
            take(robot, folder, "Logs", "logs");
            take(robot, folder, "Settings", "settings");
        } finally {
            robot.interact(screens::stop);
            screens.close();
            connection.close();
            queen.close();
        }
    }

    private void show(FxRobot robot, String screen) {
        robot.interact(() -> robot.lookup("#navigation").queryAs(ListView.class).getSelectionModel().select(screen));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void take(FxRobot robot, Path folder, String screen, String name) throws Exception {
        show(robot, screen);
        Thread.sleep(1200); // a tick of the one-second refresh and the feed's next update
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        ImageIO.write(toBuffered(image[0]), "png", folder.resolve(name + ".png").toFile());
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        return out;
    }
}
