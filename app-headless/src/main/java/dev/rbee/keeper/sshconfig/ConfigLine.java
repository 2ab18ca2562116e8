package dev.rbee.keeper.sshconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of an OpenSSH client config, split as ssh(1) splits it (readconf.c): the keyword ends at white space or
 * at one {@code =} ({@code Port 22}, {@code Port=22}, {@code Port = 22}); the arguments are words where double or
 * single quotes keep spaces, a backslash escapes a quote, a backslash or (outside quotes) a space, and a word that
 * starts with {@code #} begins a comment. {@code keyword} is lower case (keywords are case-insensitive);
 * {@code name} is the keyword as written, for messages.
 */
record ConfigLine(String keyword, String name, List<String> args) {

    /** Empty for a blank or comment line; {@link IllegalArgumentException} with the problem for a broken one. */
    static Optional<ConfigLine> parse(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        int i = skipSpace(line, 0);
        if (i == line.length() || line.charAt(i) == '#') {
            return Optional.empty();
        }
        int start = i;
        while (i < line.length() && !isSpace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        if (i == start) {
            throw new IllegalArgumentException("a line must start with a keyword");
        }
        String name = line.substring(start, i);
        i = skipSpace(line, i);
        if (i < line.length() && line.charAt(i) == '=') {
            i = skipSpace(line, i + 1);
        }
        return Optional.of(new ConfigLine(name.toLowerCase(Locale.ROOT), name, words(line.substring(i))));
    }

    /** The first argument; callers check that there is one. */
    String value() {
        return args.getFirst();
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = skipSpace(text, 0);
        while (i < text.length() && text.charAt(i) != '#') {
            StringBuilder word = new StringBuilder();
            i = word(text, i, word);
            words.add(word.toString());
            i = skipSpace(text, i);
        }
        return words;
    }

    /** Reads one word starting at {@code i} into {@code word}; returns the index after it. */
    private static int word(String text, int i, StringBuilder word) {
        char quote = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && isSpace(c)) {
                break;
            }
            if (c == '\\' && i + 1 < text.length() && escapable(text.charAt(i + 1), quote)) {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote (" + quote + ")");
        }
        return i;
    }

    private static boolean escapable(char next, char quote) {
        return next == '"' || next == '\'' || next == '\\' || (quote == 0 && next == ' ');
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
