package dev.rbee.queen.logs;

import dev.rbee.contract.error.FieldError;
import dev.rbee.contract.error.RbeeException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The validated query of {@code GET /v2/logs} (api.md §5.7): {@code node} absent means queen's own log, {@code worker}
 * requires {@code node}, {@code follow} is {@code true|false}, {@code lines} 1–10000 (default 100). All problems are
 * reported together, as every 400 of rbee is.
 */
record LogQuery(String node, String worker, boolean follow, int lines) {
    static final int DEFAULT_LINES = 100;
    static final int MAX_LINES = 10_000;
    /** The hive's id form; anything else cannot name a log file, so it is refused before any path is built. */
    static final Pattern WORKER_ID = Pattern.compile("worker-[A-Za-z0-9]{1,32}");

    static LogQuery parse(String node, String worker, String follow, String lines) {
        List<FieldError> errors = new ArrayList<>();
        String n = blankToNull(node);
        String w = blankToNull(worker);
        if (w != null && n == null) {
            errors.add(new FieldError("worker", "requires", "worker requires node", w));
        }
        boolean f = false;
        if ("true".equals(follow)) {
            f = true;
        } else if (follow != null && !"false".equals(follow)) {
            errors.add(new FieldError("follow", "boolean", "follow must be true or false", follow));
        }
        int count = DEFAULT_LINES;
        if (lines != null) {
            count = parseLines(lines);
            if (count < 1) {
                errors.add(new FieldError("lines", "range", "lines must be an integer from 1 to " + MAX_LINES, lines));
            }
        }
        if (!errors.isEmpty()) {
            throw RbeeException.invalid(errors, null);
        }
        return new LogQuery(n, w, f, count);
    }

    private static int parseLines(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            return n >= 1 && n <= MAX_LINES ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
