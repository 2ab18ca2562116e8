package dev.rbee.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of consecutive tokens into text without ever cutting a UTF-8 character: the bytes of an unfinished
 * character wait for the token that completes it (that token's text is then the whole character, the earlier ones
 * give ""). Bytes that can never form a character come out as U+FFFD.
 */
public final class Utf8Assembler {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public String feed(byte[] bytes) {
        pending.writeBytes(bytes);
        byte[] all = pending.toByteArray();
        int complete = completePrefix(all);
        pending.reset();
        pending.write(all, complete, all.length - complete);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is still held when generation ends. */
    public String flush() {
        String rest = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return rest;
    }

    /** Length of the longest prefix that does not end inside a character that may still be completed. */
    static int completePrefix(byte[] bytes) {
        int end = bytes.length;
        for (int back = 1; back <= Math.min(3, end); back++) {
            int b = bytes[end - back] & 0xff;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: keep looking for the lead byte
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? end - back : end;
        }
        return end;
    }
}
