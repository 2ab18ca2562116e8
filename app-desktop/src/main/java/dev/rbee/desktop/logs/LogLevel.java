package dev.rbee.desktop.logs;

import java.util.Locale;

/**
 * A log line's level, read from the line itself: the daemons write {@code <time> <LEVEL> <logger> - <message>}, but a
 * worker's or an older hive's log may differ, so the first few words are searched and a line without a level is
 * {@link #OTHER} (shown like INFO).
 */
public enum LogLevel {
    ERROR("log-error"), WARN("log-warn"), INFO("log-info"), DEBUG("log-debug"), OTHER("log-info");

    /** The CSS style class of a cell showing such a line. */
    public final String styleClass;

    private static final int WORDS_SEARCHED = 4;

    LogLevel(String styleClass) {
        this.styleClass = styleClass;
    }

    public static LogLevel of(String line) {
        String[] words = line.strip().split("\\s+", WORDS_SEARCHED + 1);
        for (int i = 0; i < Math.min(words.length, WORDS_SEARCHED); i++) {
            LogLevel level = word(words[i]);
            if (level != OTHER) {
                return level;
            }
        }
        return OTHER;
    }

    private static LogLevel word(String word) {
        String bare = word.replaceAll("^[\\[(]+|[\\]):]+$", "").toUpperCase(Locale.ROOT);
        return switch (bare) {
            case "ERROR", "SEVERE", "FATAL" -> ERROR;
            case "WARN", "WARNING" -> WARN;
            case "INFO" -> INFO;
            case "DEBUG", "TRACE", "FINE", "FINER", "FINEST" -> DEBUG;
            default -> OTHER;
        };
    }
}
