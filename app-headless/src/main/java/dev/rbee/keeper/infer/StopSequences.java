package dev.rbee.keeper.infer;

import java.util.List;

/**
 * A newline is awkward to type as a shell argument, so {@code --stop} understands the escapes the summary line prints
 * ({@code \n}, {@code \t}, {@code \r}, {@code \\}): {@code --stop "\n\n"} stops at a blank line.
 */
public final class StopSequences {
    private StopSequences() {
    }

    public static List<String> unescape(List<String> values) {
        return values == null ? null : values.stream().map(StopSequences::unescape).toList();
    }

    public static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\' || i + 1 == value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\' -> out.append('\\');
                default -> out.append(c).append(next);
            }
        }
        return out.toString();
    }
}
