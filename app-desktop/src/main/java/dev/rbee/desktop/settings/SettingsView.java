package dev.rbee.desktop.settings;

import dev.rbee.desktop.shell.ErrorPane;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/** The Settings screen: binds to {@link SettingsViewModel}. */
public final class SettingsView {
    private SettingsView() {
    }

    public static Node create(SettingsViewModel vm) {
        Label title = new Label("Settings");
        title.getStyleClass().add("screen-title");

        TextField url = new TextField();
        url.setId("settings-queen-url");
        url.setPromptText("http://127.0.0.1:8080 (the default)");
        url.textProperty().bindBidirectional(vm.queenUrlProperty());
        PasswordField key = new PasswordField();
        key.setId("settings-api-key");
        key.setPromptText("none");
        key.textProperty().bindBidirectional(vm.apiKeyProperty());
        Label effective = new Label();
        effective.setId("settings-effective");
        effective.getStyleClass().add("caption");
        effective.textProperty().bind(vm.effectiveProperty());
        Label home = new Label(vm.dataDirectory());
        home.setId("settings-data-dir");
        Label homeNote = new Label("Set RBEE_HOME before starting rbee-keeper to use another data directory.");
        homeNote.getStyleClass().add("caption");
        ToggleSwitch dark = new ToggleSwitch("Dark theme");
        dark.setId("settings-dark");
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Queen URL"), url);
        form.add(effective, 1, 1);
        form.addRow(2, new Label("API key"), key);
        form.addRow(3, new Label("Data directory"), home);
        form.add(homeNote, 1, 4);
        form.addRow(5, new Label("Theme"), dark);
        url.setPrefColumnCount(36);

        Button save = new Button("Save");
        save.setId("settings-save");
        save.setDefaultButton(true);
        save.setOnAction(event -> vm.save());
        Label message = new Label();
        message.setId("settings-message");
        message.textProperty().bind(vm.messageProperty());
        Node error = ErrorPane.create("settings-error", vm.errorProperty());

        VBox screen = new VBox(12, title, form, save, message, error);
        screen.setPadding(new Insets(16));
        vm.load();
        return screen;
    }
}
