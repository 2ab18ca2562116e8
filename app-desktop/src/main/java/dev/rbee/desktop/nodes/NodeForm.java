package dev.rbee.desktop.nodes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The SSH settings as typed in the form. {@link #problems} is what is checked before queen is contacted (the
 * CLI's local checks plus the required fields); queen checks the rest and its answer is shown as an error.
 */
public record NodeForm(String name, String host, String port, String user, String keyFile, String installPath) {
    public static final String NAME = "name";
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String USER = "user";
    public static final String KEY = "key";
    private static final Pattern NODE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** Field → message, in the form's order; empty when the form may be sent. */
    public Map<String, String> problems(Predicate<String> keyReadable) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (blank(name)) {
            problems.put(NAME, "Enter a node name");
        } else if (!NODE_NAME.matcher(name.trim()).matches()) {
            problems.put(NAME, "Use a-z, 0-9 and '-', starting with a letter or digit (at most 63)");
        }
        if (blank(host)) {
            problems.put(HOST, "Enter the host name or IP address");
        }
        if (portNumber() == null) {
            problems.put(PORT, "The port must be a number between 1 and 65535");
        }
        if (blank(user)) {
            problems.put(USER, "Enter the SSH user");
        }
        if (!blank(keyFile) && !keyReadable.test(keyFile.trim())) {
            problems.put(KEY, "SSH key not found: " + keyFile.trim());
        }
        return problems;
    }

    /** The port, 22 when left empty, or null when it is not a port. */
    public Integer portNumber() {
        if (blank(port)) {
            return 22;
        }
        try {
            int value = Integer.parseInt(port.trim());
            return value >= 1 && value <= 65535 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Trimmed, and null when empty: queen then applies its default. */
    static String orNull(String text) {
        return blank(text) ? null : text.trim();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
