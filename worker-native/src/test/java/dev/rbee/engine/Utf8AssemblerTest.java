package dev.rbee.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Utf8AssemblerTest {
    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void charactersSplitAcrossTokensComeOutWhole() {
        Utf8Assembler utf8 = new Utf8Assembler();
        assertEquals("", utf8.feed(bytes(0xF0)));
        assertEquals("", utf8.feed(bytes(0x9F, 0x98)));
        assertEquals("😀a", utf8.feed(bytes(0x80, 'a')));
        assertEquals("", utf8.flush());
    }

    @Test
    void anUnfinishedCharacterAtTheEndIsAReplacementNotLost() {
        Utf8Assembler utf8 = new Utf8Assembler();
        assertEquals("x", utf8.feed(bytes('x', 0xE2, 0x82)));
        assertEquals("\uFFFD", utf8.flush());
    }

    @Test
    void strayContinuationBytesDoNotBlockTheStream() {
        Utf8Assembler utf8 = new Utf8Assembler();
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFDok", utf8.feed(bytes(0x80, 0x80, 0x80, 0x80, 'o', 'k')));
    }
}
