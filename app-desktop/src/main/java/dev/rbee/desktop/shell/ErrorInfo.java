package dev.rbee.desktop.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error as the screens show it, read from the lines of cli.md §1 that every view model already produces with
 * {@code ErrorPresenter.lines}: {@code [component] ❌ Error: message (CODE)}, indented detail lines, {@code 💡}
 * suggestions. The headline and suggestions are shown; the code, component and details sit behind "Details".
 */
public record ErrorInfo(String headline, String code, String component, List<String> details,
                        List<String> suggestions) {
    private static final Pattern FIRST = Pattern.compile("^\\[([^]]+)] ❌ Error: (.*) \\(([A-Z0-9_]+)\\)$");
    private static final String SUGGESTION = "💡 ";

    public ErrorInfo {
        details = List.copyOf(details);
        suggestions = List.copyOf(suggestions);
    }

    /** Null for an empty text (no error); a text in another form becomes a headline without a code. */
    public static ErrorInfo parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> lines = text.lines().toList();
        Matcher first = FIRST.matcher(lines.getFirst());
        List<String> details = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith(SUGGESTION)) {
                suggestions.add(line.substring(SUGGESTION.length()));
            } else {
                details.add(line.strip());
            }
        }
        return first.matches()
                ? new ErrorInfo("❌ " + first.group(2), first.group(3), first.group(1), details, suggestions)
                : new ErrorInfo(lines.getFirst(), null, null, details, suggestions);
    }

    /** What "Copy" puts on the clipboard: everything, as the CLI would print it, for a bug report or a search. */
    public String fullText() {
        List<String> lines = new ArrayList<>();
        lines.add(code == null ? headline : "[" + component + "] " + headline + " (" + code + ")");
        details.forEach(line -> lines.add("  " + line));
        suggestions.forEach(line -> lines.add(SUGGESTION + line));
        return String.join("\n", lines);
    }
}
