package dev.rbee.keeper.sshconfig;

import java.util.List;
import java.util.Locale;

/**
 * The patterns of a {@code Host} line as ssh(1) matches them: {@code *} any run of characters, {@code ?} one
 * character, {@code !} in front negates; a list matches when some plain pattern matches and no negated one does.
 * Host names compare without case.
 */
public final class HostPatterns {
    private HostPatterns() {
    }

    /** Whether a {@code Host} word is a pattern rather than the name of one host. */
    public static boolean isPattern(String word) {
        return word.indexOf('*') >= 0 || word.indexOf('?') >= 0 || word.indexOf('!') >= 0;
    }

    public static boolean matches(List<String> patterns, String host) {
        String name = host.toLowerCase(Locale.ROOT);
        boolean matched = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            String glob = (negated ? pattern.substring(1) : pattern).toLowerCase(Locale.ROOT);
            if (wildcard(glob, name)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }

    /** Iterative {@code *}/{@code ?} matching with one backtrack point (the last star), linear in practice. */
    static boolean wildcard(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
