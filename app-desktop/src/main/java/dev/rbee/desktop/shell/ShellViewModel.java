package dev.rbee.desktop.shell;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.keeper.QueenUrl;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.queen.QueenLifecycleListener;
import dev.rbee.keeper.queen.QueenSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Executor;

/**
 * The window's status line about queen: connecting, started by this app (ephemeral) or already running
 * (persistent), or why it cannot be reached. The lifecycle callbacks come on the working thread and are handed to
 * the UI executor.
 */
public final class ShellViewModel implements QueenLifecycleListener {
    public static final String STOPPED_BY_USER = "queen-rbee is stopped · Start queen on the Overview brings it back";
    private final ReadOnlyStringWrapper queenStatus = new ReadOnlyStringWrapper("queen-rbee: connecting…");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
    private final StringProperty screen = new SimpleStringProperty();
    private final Executor ui;

    public ShellViewModel(Executor ui) {
        this.ui = ui;
    }

    /** Opens the queen session in the background so the first Run does not wait for a queen to start. */
    public void connect(QueenConnection queen, Executor background) {
        background.execute(() -> {
            try {
                showSession(queen.session());
            } catch (RbeeException e) {
                post(String.join("  ", ErrorPresenter.lines(e, ErrorContext.of("", queen.home()))));
            } catch (IllegalStateException e) {
                // The window closed while queen was being reached; nobody reads the status any more.
            }
        });
    }

    public void showSession(QueenSession session) {
        post(describe(session));
    }

    public void showStoppedByUser() {
        post(STOPPED_BY_USER);
    }

    static String describe(QueenSession session) {
        String where = "queen-rbee " + session.queenVersion() + " at " + session.url().text();
        return session.isEphemeral()
                ? where + " · started by this app; stopped when the window closes"
                : where + " · already running; left running when the window closes";
    }

    @Override
    public void startingEphemeral(QueenUrl url) {
        post("Starting queen-rbee (ephemeral) on " + url.text() + "…");
    }

    @Override
    public void versionMismatch(String queenVersion, String keeperVersion) {
        post("⚠️ queen-rbee is " + queenVersion + ", this rbee-keeper is " + keeperVersion);
    }

    @Override
    public void stoppingEphemeral() {
        post("Stopping ephemeral queen-rbee and everything it started…");
    }

    private void post(String text) {
        ui.execute(() -> queenStatus.set(text));
    }

    /** The theme of every window; the Settings screen switches it, and the app remembers it. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** The screen shown (its navigation name); remembered so the app reopens where it was left. */
    public StringProperty screenProperty() {
        return screen;
    }

    public ReadOnlyStringProperty queenStatusProperty() {
        return queenStatus.getReadOnlyProperty();
    }
}
