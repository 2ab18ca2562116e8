package dev.rbee.desktop.settings;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.keeper.KeeperConfig;
import dev.rbee.keeper.KeeperConfigLoader;
import dev.rbee.keeper.KeeperConfigWriter;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Settings: queen URL and API key (written to config.toml, cli.md §3), the data directory (RBEE_HOME, fixed for the
 * life of the app) and the theme (applied at once). The URL and key are read when the app opens its queen
 * connection, so a change applies the next time the app starts; the screen says so rather than silently changing
 * which queen a running app talks to.
 */
public final class SettingsViewModel {
    static final String APPLIES_LATER = "The queen URL and API key apply the next time rbee-keeper opens.";

    private final RbeeHome home;
    private final Map<String, String> environment;
    private final Executor background;
    private final Executor ui;
    private final StringProperty queenUrl = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final BooleanProperty darkTheme;
    private final ReadOnlyStringWrapper effective = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** @param darkTheme the shell's theme, switched as soon as the choice changes */
    public SettingsViewModel(RbeeHome home, Map<String, String> environment, BooleanProperty darkTheme,
                             Executor background, Executor ui) {
        this.home = home;
        this.environment = Map.copyOf(environment);
        this.darkTheme = darkTheme;
        this.background = background;
        this.ui = ui;
    }

    /** Reads config.toml into the fields; a broken file shows its error and leaves the fields empty. */
    public void load() {
        background.execute(() -> {
            try {
                KeeperConfig config = KeeperConfigLoader.load(home.configToml()).config();
                ui.execute(() -> {
                    queenUrl.set(config.queenUrl() == null ? "" : config.queenUrl());
                    apiKey.set(config.apiKey() == null ? "" : config.apiKey());
                    effective.set(describeEffective(config));
                    error.set("");
                });
            } catch (RbeeException e) {
                showError(e);
            }
        });
    }

    /** Checks the URL as {@code --queen-url} is checked, then writes both keys; blank fields remove their key. */
    public void save() {
        String url = queenUrl.get() == null ? "" : queenUrl.get().trim();
        String key = apiKey.get() == null ? "" : apiKey.get().trim();
        message.set("");
        try {
            if (!url.isEmpty()) {
                QueenUrl.parse(url);
            }
        } catch (RbeeException e) {
            showError(e);
            return;
        }
        if (key.chars().anyMatch(Character::isWhitespace)) {
            error.set("❌ The API key cannot contain spaces or line breaks");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("queen_url", url);
        values.put("api_key", key);
        background.execute(() -> write(values));
    }

    private void write(Map<String, String> values) {
        try {
            KeeperConfigWriter.setTopLevel(home.configToml(), values);
            KeeperConfig config = KeeperConfigLoader.load(home.configToml()).config();
            ui.execute(() -> {
                error.set("");
                effective.set(describeEffective(config));
                message.set("✅ Saved to " + home.configToml() + ". " + APPLIES_LATER);
            });
        } catch (RbeeException e) {
            showError(e);
        }
    }

    /** Which URL a new connection would use, and why: the environment wins over config.toml (cli.md §3). */
    String describeEffective(KeeperConfig config) {
        String fromEnv = environment.get(QueenUrl.ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return "In use: " + fromEnv + " (from " + QueenUrl.ENV + ", which wins over config.toml)";
        }
        return config.queenUrl() != null ? "In use: " + config.queenUrl() + " (from config.toml)"
                : "In use: " + QueenUrl.DEFAULT + " (the default)";
    }

    private void showError(RbeeException e) {
        String lines = String.join("\n", ErrorPresenter.lines(e, ErrorContext.of("", home)));
        ui.execute(() -> error.set(lines));
    }

    public String dataDirectory() {
        return home.root().toString();
    }

    public StringProperty queenUrlProperty() { return queenUrl; }
    public StringProperty apiKeyProperty() { return apiKey; }
    public BooleanProperty darkThemeProperty() { return darkTheme; }
    public ReadOnlyStringProperty effectiveProperty() { return effective.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
}
