package dev.rbee.desktop.shell;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * How every screen shows an error: the spec's message and its suggestions, with the error code, component and
 * details in a collapsed "Details" section whose text can be selected, and buttons that copy the code or the whole
 * error. Hidden while there is no error. {@code id} prefixes the ids tests look up ({@code <id>-headline}, …).
 */
public final class ErrorPane {
    private ErrorPane() {
    }

    public static Node create(String id, ObservableStringValue errorText) {
        Label headline = new Label();
        headline.setId(id + "-headline");
        headline.getStyleClass().add("error");
        headline.setWrapText(true);
        Label suggestions = new Label();
        suggestions.setId(id + "-suggestions");
        suggestions.getStyleClass().add("hint");
        suggestions.setWrapText(true);
        TextArea details = new TextArea();
        details.setId(id + "-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(4);
        Button copyCode = new Button("Copy error code");
        copyCode.setId(id + "-copy-code");
        Button copyAll = new Button("Copy all");
        TitledPane more = new TitledPane("Details", new VBox(6, details, new HBox(8, copyCode, copyAll)));
        more.setId(id + "-more");
        more.setExpanded(false);

        VBox pane = new VBox(4, headline, suggestions, more);
        pane.setId(id);
        pane.getStyleClass().add("error-pane");
        Runnable show = () -> {
            ErrorInfo info = ErrorInfo.parse(errorText.get());
            pane.setVisible(info != null);
            pane.setManaged(info != null);
            if (info == null) {
                headline.setText("");
                return;
            }
            headline.setText(info.headline());
            suggestions.setText(String.join("\n", info.suggestions().stream().map(line -> "💡 " + line).toList()));
            suggestions.setManaged(!info.suggestions().isEmpty());
            details.setText(detailsText(info));
            more.setText(info.code() == null ? "Details" : "Details (" + info.code() + ")");
            copyCode.setDisable(info.code() == null);
            copyCode.setOnAction(event -> copy(info.code()));
            copyAll.setOnAction(event -> copy(info.fullText()));
        };
        errorText.addListener((observable, before, now) -> show.run());
        show.run();
        return pane;
    }

    private static String detailsText(ErrorInfo info) {
        StringBuilder text = new StringBuilder();
        if (info.code() != null) {
            text.append("Error code: ").append(info.code()).append("\nFrom: ").append(info.component()).append('\n');
        }
        info.details().forEach(line -> text.append(line).append('\n'));
        return text.toString().strip();
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }
}
