package dev.rbee.hive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The cluster secret as queen sends it over SSH: one line on stdin, which is closed afterwards. */
final class SecretInput {
    private static final int MAX_BYTES = 4096;

    private SecretInput() {
    }

    /**
     * The first line of {@code in}, read byte by byte so nothing after it is consumed, then {@code in} is closed:
     * the SSH session that carried it may end at once. Null when stdin ends before any byte.
     */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (in) {
            for (int b; (b = in.read()) >= 0 && b != '\n' && line.size() < MAX_BYTES; ) {
                line.write(b);
            }
        }
        String secret = line.toString(StandardCharsets.UTF_8).strip();
        return secret.isEmpty() ? null : secret;
    }
}
