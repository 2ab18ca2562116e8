package dev.rbee.queen.install;

import dev.rbee.queen.ssh.SshLink;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The java stage (api.md §5.3): {@code java -version} as the SSH user's shell finds it must report major 25. The
 * launchers prefer {@code JAVA_HOME}, but the spec asks what {@code java} on the node's PATH says, and so do we.
 */
record JavaCheck(String version, String shown) {
    static final String COMMAND = "java -version";
    /** {@code openjdk version "25.0.1" 2025-10-21 LTS}, {@code java version "1.8.0_402"}. */
    private static final Pattern VERSION = Pattern.compile("version \"([0-9][^\"]*)\"");
    private static final int SHELL_NOT_FOUND = 127;

    /** {@code version} is set only when it is a Java 25; {@code shown} is what the error quotes otherwise. */
    static JavaCheck of(SshLink.Result result) {
        String output = result.stderr() + result.stdout();
        Optional<String> line = output.lines().filter(l -> VERSION.matcher(l).find()).findFirst();
        if (line.isEmpty()) {
            boolean missing = Integer.valueOf(SHELL_NOT_FOUND).equals(result.exitCode())
                    || output.contains("not found") || output.isBlank();
            return new JavaCheck(null, missing ? "command not found" : output.lines().findFirst().orElse("").trim());
        }
        Matcher m = VERSION.matcher(line.get());
        m.find();
        String version = m.group(1);
        return new JavaCheck(major(version) == 25 ? version : null, line.get().trim());
    }

    boolean ok() {
        return version != null;
    }

    static int major(String version) {
        String digits = version.replaceFirst("^([0-9]+).*$", "$1");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
