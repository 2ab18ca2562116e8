package dev.rbee.hive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SecretInputTest {
    @Test
    void readsTheFirstLineAndClosesStdin() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayInputStream in = new ByteArrayInputStream("abc123\nrest".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        assertEquals("abc123", SecretInput.readLine(in));
        assertTrue(closed.get());
        assertEquals('r', in.read()); // nothing after the line was consumed
    }

    @Test
    void emptyStdinIsNoSecret() throws IOException {
        assertNull(SecretInput.readLine(new ByteArrayInputStream(new byte[0])));
        assertNull(SecretInput.readLine(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8))));
    }
}
