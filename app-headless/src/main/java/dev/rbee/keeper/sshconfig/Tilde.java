package dev.rbee.keeper.sshconfig;

import java.nio.file.Path;

/** {@code ~} and {@code ~/…} stand for the local user's home; {@code ~other} is left alone (no user database). */
final class Tilde {
    private Tilde() {
    }

    static String expand(String path, Path home) {
        if (path.equals("~")) {
            return home.toString();
        }
        return path.startsWith("~/") ? home + path.substring(1) : path;
    }
}
