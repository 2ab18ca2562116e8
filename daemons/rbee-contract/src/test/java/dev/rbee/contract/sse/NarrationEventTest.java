package dev.rbee.contract.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.json.Json;
import org.junit.jupiter.api.Test;

class NarrationEventTest {
    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void aShortTextIsKeptAsItIs() {
        String exactly100 = "x".repeat(100);
        assertEquals(exactly100, NarrationEvent.of("rbee-hive", "a", exactly100).human());
        assertEquals("Starting inference", NarrationEvent.of("queen-rbee", "a", "Starting inference").human());
        assertNull(NarrationEvent.of("queen-rbee", "a", null).human());
    }

    @Test
    void aLongTextKeepsItsStartAndItsEnd() {
        String path = "/tmp/rbee-features-123456/home/models/hf/TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF/"
                + "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf";
        String human = "✅ Model downloaded to " + path + " (12.6 MB in 1.2 s)";
        String shown = new NarrationEvent("rbee-hive", "download_complete", human, "job-1").human();
        assertEquals(100, codePoints(shown));
        assertTrue(shown.startsWith("✅ Model downloaded to /tmp/rbee-features"), shown);
        assertTrue(shown.endsWith("Q4_K_M.gguf (12.6 MB in 1.2 s)"), shown);
        assertTrue(shown.contains("…"), shown);
    }

    @Test
    void emojiCountOnceAndAreNeverCut() {
        String human = "🛑".repeat(150);
        String shown = NarrationEvent.of("queen-rbee", "a", human).human();
        assertEquals(100, codePoints(shown));
        assertEquals(human.substring(0, 80) + "…" + human.substring(0, 118), shown);
    }

    @Test
    void theWireCarriesTheShortenedText() {
        String json = new Json().write(NarrationEvent.of("queen-rbee", "a", "y".repeat(300)));
        String human = new Json().tree(json).get("human").asText();
        assertEquals(100, codePoints(human));
    }
}
