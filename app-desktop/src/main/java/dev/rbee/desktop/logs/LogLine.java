package dev.rbee.desktop.logs;

import java.util.Locale;

/** One received log line with its level, parsed once on arrival rather than on every repaint. */
public record LogLine(String text, LogLevel level) {

    public static LogLine of(String text) {
        return new LogLine(text, LogLevel.of(text));
    }

    /** Case-insensitive substring match; a blank filter matches every line. */
    public boolean matches(String filter) {
        return filter == null || filter.isBlank()
                || text.toLowerCase(Locale.ROOT).contains(filter.strip().toLowerCase(Locale.ROOT));
    }
}
