package dev.rbee.keeper;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line that sets a key in a TOML text, for error messages: the Jackson TOML reader builds a tree
 * without positions. Understands {@code [table]} headers, {@code key = …} and {@code table.key = …} at top level;
 * that covers the flat files keeper reads.
 */
final class TomlLines {
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[\\s*([A-Za-z0-9_.\"-]+)\\s*]\\s*(#.*)?$");
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([A-Za-z0-9_.\"-]+?)\\s*=");

    private TomlLines() {
    }

    /** 1-based line of {@code key} in {@code table} ("" = top level); 0 when not found. */
    static int lineOf(List<String> lines, String table, String key) {
        String current = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                current = unquote(header.group(1));
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (!assignment.find()) {
                continue;
            }
            String name = unquote(assignment.group(1));
            String full = current.isEmpty() ? name : current + "." + name;
            String wanted = table.isEmpty() ? key : table + "." + key;
            if (full.equals(wanted)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String unquote(String name) {
        return name.replace("\"", "").trim();
    }
}
