package dev.rbee.desktop.shell;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps a table's selected row selected, by key, when a view model replaces its rows (a refresh, a live update, the
 * one-second tick): a replaced list would otherwise drop the selection under the operator's cursor.
 */
public final class KeepSelection {
    private KeepSelection() {
    }

    /** Sets {@code rows} as the table's items; call instead of {@code setItems}. */
    public static <R> void bind(TableView<R> table, ObservableList<R> rows, Function<R, ?> key) {
        // Registered before the table's own listener, so it still sees the selection the change is about to drop.
        rows.addListener((ListChangeListener<R>) change -> {
            R selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            Object wanted = key.apply(selected);
            Platform.runLater(() -> {
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (Objects.equals(key.apply(table.getItems().get(i)), wanted)) {
                        table.getSelectionModel().select(i);
                        return;
                    }
                }
            });
        });
        table.setItems(rows);
    }
}
