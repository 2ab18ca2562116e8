package dev.rbee.desktop.overview;

import dev.rbee.contract.error.RbeeException;
import dev.rbee.desktop.shell.QueenConnection;
import dev.rbee.desktop.shell.ShellViewModel;
import dev.rbee.keeper.cli.ErrorContext;
import dev.rbee.keeper.cli.ErrorPresenter;
import dev.rbee.keeper.fleet.FleetStop;
import dev.rbee.keeper.fleet.StopReport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.Executor;

/**
 * The overview's queen buttons: Start queen, Stop queen and Stop everything with its verification report. Each
 * action runs on the background executor (a cascade takes up to 40 s) and reports on the UI executor; while one
 * runs, {@link #busyProperty()} disables the buttons.
 */
public final class FleetControlViewModel {
    private final QueenConnection queen;
    private final ShellViewModel shell;
    private final OverviewViewModel overview;
    private final FleetStop fleetStop;
    private final Runnable followEvents;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reportSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<ReportRow> report = FXCollections.observableArrayList();

    /** @param followEvents (re)starts the overview's event feed once a queen runs */
    public FleetControlViewModel(QueenConnection queen, ShellViewModel shell, OverviewViewModel overview,
                                 FleetStop fleetStop, Runnable followEvents, Executor background, Executor ui) {
        this.queen = queen;
        this.shell = shell;
        this.overview = overview;
        this.fleetStop = fleetStop;
        this.followEvents = followEvents;
        this.background = background;
        this.ui = ui;
    }

    public void startQueen() {
        run("Starting queen-rbee…", () -> {
            shell.showSession(queen.start());
            ui.execute(() -> overview.queenStopped(false));
            followEvents.run();
        });
    }

    public void stopQueen() {
        run("Stopping queen-rbee and everything it started…", () -> {
            queen.stopQueen();
            stopped();
        });
    }

    public void stopEverything() {
        run("Stopping everything: queen's cascade waits up to 30 s for busy workers…", () -> {
            StopReport result = queen.stopEverything(fleetStop, overview.state());
            stopped();
            ui.execute(() -> show(result));
        });
    }

    private void stopped() {
        shell.showStoppedByUser();
        ui.execute(() -> overview.queenStopped(true));
    }

    private void show(StopReport result) {
        report.setAll(result.lines().stream().map(ReportRow::of).toList());
        reportSummary.set((result.clean() ? "✅ Nothing left running: " : "❌ Not everything stopped: ")
                + result.count(StopReport.Outcome.STOPPED) + " stopped · "
                + result.count(StopReport.Outcome.FORCE_KILLED) + " force-killed · "
                + result.count(StopReport.Outcome.STILL_RUNNING) + " still running");
    }

    private interface Action {
        void run() throws InterruptedException;
    }

    private void run(String what, Action action) {
        busy.set(true);
        progress.set(what);
        error.set("");
        background.execute(() -> {
            try {
                action.run();
            } catch (RbeeException e) {
                String lines = String.join("\n", ErrorPresenter.lines(e, ErrorContext.of("", queen.home())));
                ui.execute(() -> error.set(lines));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                // The window is closing; nobody reads the result.
            } finally {
                ui.execute(() -> {
                    busy.set(false);
                    progress.set("");
                });
            }
        });
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reportSummaryProperty() { return reportSummary.getReadOnlyProperty(); }
    public ObservableList<ReportRow> report() { return report; }
}
