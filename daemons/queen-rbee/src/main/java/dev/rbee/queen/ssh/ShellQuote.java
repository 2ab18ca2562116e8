package dev.rbee.queen.ssh;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Builds remote shell commands from single-quoted words (api.md §5.2: "Remote commands are always built from
 * single-quoted, escaped arguments"). Registry fields such as {@code install_path} come from users; quoting every
 * word means {@code /tmp/rb; touch /tmp/pwned} stays one argument (S017).
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** {@code it's} → {@code 'it'\''s'}: inside single quotes only the quote itself needs escaping. */
    public static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("A shell argument cannot contain NUL");
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Every word quoted, joined by single spaces. */
    public static String command(String... words) {
        if (words.length == 0) {
            throw new IllegalArgumentException("A command needs at least one word");
        }
        return Arrays.stream(words).map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
