package dev.rbee.queen.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {
    @Test
    void wordsAreSingleQuotedAndQuotesEscaped() {
        assertEquals("'plain'", ShellQuote.quote("plain"));
        assertEquals("''", ShellQuote.quote(""));
        assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
        assertEquals("'/tmp/rb; touch /tmp/pwned' '--version'",
                ShellQuote.command("/tmp/rb; touch /tmp/pwned", "--version"));
    }

    @Test
    void nulCannotBeQuotedAndACommandNeedsAWord() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\0b"));
        assertThrows(IllegalArgumentException.class, ShellQuote::command);
    }

    /** The real shell gets each word back unchanged, whatever it contains: no expansion, no second command. */
    @Test
    void aShellSeesEveryWordExactly() throws IOException, InterruptedException {
        String[] nasty = {"/tmp/rb; touch /tmp/pwned", "$(id)", "`id`", "a'b\"c", "line\nbreak", "~/x", "*", " "};
        String[] words = new String[nasty.length + 2];
        words[0] = "printf";
        words[1] = "[%s]";
        System.arraycopy(nasty, 0, words, 2, nasty.length);
        Process p = new ProcessBuilder("/bin/sh", "-c", ShellQuote.command(words)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        StringBuilder expected = new StringBuilder();
        for (String w : nasty) {
            expected.append('[').append(w).append(']');
        }
        assertEquals(expected.toString(), out);
    }
}
