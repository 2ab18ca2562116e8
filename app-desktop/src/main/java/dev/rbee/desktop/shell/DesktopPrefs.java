package dev.rbee.desktop.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the app remembers between runs in {@code RBEE_HOME/desktop.properties}: window bounds, the last screen and
 * the theme. Only the app reads it, so it is not part of config.toml; a missing or damaged file means defaults.
 */
public final class DesktopPrefs {
    public static final String FILE = "desktop.properties";

    /** Window position and size; {@code maximized} wins over the bounds when set. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Path file;
    private final Properties values;

    private DesktopPrefs(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static DesktopPrefs load(Path home) {
        Path file = home.resolve(FILE);
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (NoSuchFileException e) {
            // First run: defaults.
        } catch (IOException | IllegalArgumentException e) {
            values.clear(); // unreadable or damaged: defaults, and the next save repairs it
        }
        return new DesktopPrefs(file, values);
    }

    public Optional<Bounds> bounds() {
        try {
            double width = Double.parseDouble(values.getProperty("window.width", ""));
            double height = Double.parseDouble(values.getProperty("window.height", ""));
            if (width < 200 || height < 150) {
                return Optional.empty();
            }
            return Optional.of(new Bounds(Double.parseDouble(values.getProperty("window.x", "0")),
                    Double.parseDouble(values.getProperty("window.y", "0")), width, height,
                    Boolean.parseBoolean(values.getProperty("window.maximized", "false"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void bounds(Bounds bounds) {
        values.setProperty("window.x", String.valueOf(bounds.x()));
        values.setProperty("window.y", String.valueOf(bounds.y()));
        values.setProperty("window.width", String.valueOf(bounds.width()));
        values.setProperty("window.height", String.valueOf(bounds.height()));
        values.setProperty("window.maximized", String.valueOf(bounds.maximized()));
    }

    public Optional<String> screen() {
        return Optional.ofNullable(values.getProperty("screen"));
    }

    public void screen(String name) {
        values.setProperty("screen", name);
    }

    public boolean darkTheme() {
        return "dark".equals(values.getProperty("theme"));
    }

    public void darkTheme(boolean dark) {
        values.setProperty("theme", dark ? "dark" : "light");
    }

    /** Best effort: failing to remember the window must not stop the app from closing. */
    public boolean save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(writer, "rbee-keeper desktop app: window, last screen, theme");
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
