package dev.rbee.queen;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The user API key (api.md §2): from {@code --api-key-file} or env {@code RBEE_API_KEY}, never a flag value, so it
 * stays out of process lists. Without one queen only listens on loopback.
 */
final class ApiKeys {
    static final String ENV = "RBEE_API_KEY";

    private ApiKeys() {
    }

    static Optional<String> configured(Path file, Map<String, String> env) {
        if (file != null) {
            return Optional.of(read(file));
        }
        String fromEnv = env.get(ENV);
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv.trim());
    }

    private static String read(Path file) {
        try {
            String key = Files.readString(file).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("the API key file " + file + " is empty");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the API key file " + file + ": " + e.getMessage());
        }
    }

    /** Refuses a non-loopback bind without a key, before anything binds (scenarios.md S106). */
    static void requireForBind(String bind, int port, Optional<String> apiKey) {
        if (apiKey.isEmpty() && !isLoopback(bind)) {
            throw new IllegalArgumentException("An API key is required when queen-rbee listens on a non-loopback "
                    + "address (" + bind + ")\nRefusing to bind " + bind + ":" + port
                    + " without an API key (set --api-key-file or RBEE_API_KEY)");
        }
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
