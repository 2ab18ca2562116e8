package dev.rbee.desktop.shell;

import dev.rbee.contract.Version;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The main window: navigation on the left, the chosen screen in the middle, queen's state at the bottom. The
 * navigation lists only screens that work; new screens are added to {@code screens} as they are built.
 */
public final class MainWindow {
    public static final String TITLE = "rbee-keeper";
    private static final String STYLESHEET = "/assets/rbee.css";
    /** Style class of the root in the dark theme; rbee.css redefines the colours under it. */
    public static final String DARK = "dark";

    private MainWindow() {
    }

    public static Scene scene(ShellViewModel shell, Map<String, Node> screens) {
        Map<String, Node> ordered = new LinkedHashMap<>(screens);
        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");

        ListView<String> navigation = new ListView<>();
        navigation.setId("navigation");
        navigation.getStyleClass().add("navigation");
        navigation.getItems().addAll(ordered.keySet());
        navigation.getSelectionModel().selectedItemProperty().addListener((observable, before, chosen) -> {
            root.setCenter(chosen == null ? null : ordered.get(chosen));
            shell.screenProperty().set(chosen);
        });
        if (ordered.containsKey(shell.screenProperty().get())) {
            navigation.getSelectionModel().select(shell.screenProperty().get());
        } else {
            navigation.getSelectionModel().selectFirst();
        }
        theme(root, shell.darkThemeProperty().get());
        shell.darkThemeProperty().addListener((observable, before, dark) -> theme(root, dark));
        navigation.setPrefWidth(170);
        root.setLeft(navigation);

        Label status = new Label();
        status.setId("queen-status");
        status.textProperty().bind(shell.queenStatusProperty());
        StatusBar bar = new StatusBar();
        bar.setText("");
        bar.getStyleClass().add("status-bar");
        bar.getLeftItems().add(status);
        bar.getRightItems().add(new Label("rbee-keeper " + Version.CURRENT));
        root.setBottom(bar);

        Scene scene = new Scene(root, 1100, 720);
        // Ctrl+Q closes like the window's close button: the same onHidden clean-up (stopping an owned queen) runs.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> scene.getWindow().hide());
        scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(STYLESHEET)).toExternalForm());
        return scene;
    }

    private static void theme(BorderPane root, boolean dark) {
        root.getStyleClass().remove(DARK);
        if (dark) {
            root.getStyleClass().add(DARK);
        }
    }
}
