package dev.rbee.desktop.shell;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Table columns over immutable row records: each cell shows one accessor's value. */
public final class Tables {
    private Tables() {
    }

    public static <R, V> TableColumn<R, V> column(String title, Function<R, V> value) {
        TableColumn<R, V> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
