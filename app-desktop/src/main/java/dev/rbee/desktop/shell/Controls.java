package dev.rbee.desktop.shell;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/** Small building blocks the screens share: labels, captions, a row of controls. */
public final class Controls {
    private Controls() {
    }

    /** An empty label with a test-visible id, for a view to fill or bind. */
    public static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        return label;
    }

    /** A small grey heading over a part of a screen. */
    public static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        return label;
    }

    /** A label with a test-visible id showing {@code text} as it changes. */
    public static Label label(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        return label;
    }

    /** Controls side by side, centred vertically, as a form row. */
    public static HBox row(Node... children) {
        HBox row = new HBox(8, children);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
