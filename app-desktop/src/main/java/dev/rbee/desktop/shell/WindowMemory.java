package dev.rbee.desktop.shell;

import javafx.stage.Stage;

/** Puts the window where it was, on the screen and theme it showed, and remembers them when it closes. */
public final class WindowMemory {
    private final DesktopPrefs prefs;
    private final ShellViewModel shell;

    public WindowMemory(DesktopPrefs prefs, ShellViewModel shell) {
        this.prefs = prefs;
        this.shell = shell;
    }

    /** Before the scene is built: the navigation selects the remembered screen. */
    public void restoreShell() {
        prefs.screen().ifPresent(shell.screenProperty()::set);
        shell.darkThemeProperty().set(prefs.darkTheme());
    }

    public void restore(Stage stage) {
        prefs.bounds().ifPresent(bounds -> {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
        });
    }

    /** A maximized window keeps the bounds it had before, so un-maximizing next time restores them. */
    public void remember(Stage stage) {
        if (stage.isMaximized()) {
            DesktopPrefs.Bounds before = prefs.bounds().orElse(new DesktopPrefs.Bounds(stage.getX(), stage.getY(),
                    stage.getWidth(), stage.getHeight(), true));
            prefs.bounds(new DesktopPrefs.Bounds(before.x(), before.y(), before.width(), before.height(), true));
        } else {
            prefs.bounds(new DesktopPrefs.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    false));
        }
        if (shell.screenProperty().get() != null) {
            prefs.screen(shell.screenProperty().get());
        }
        prefs.darkTheme(shell.darkThemeProperty().get());
        prefs.save();
    }
}
