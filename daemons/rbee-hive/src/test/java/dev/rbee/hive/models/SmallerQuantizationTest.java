package dev.rbee.hive.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.rbee.contract.error.ErrorCode;
import dev.rbee.contract.error.RbeeException;
import dev.rbee.contract.json.Json;
import dev.rbee.hive.models.hub.HubClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallerQuantizationTest {
    private static final String REF = "hf:org/repo:Q8_0";
    private TestHub hub;
    private SmallerQuantization smaller;

    @BeforeEach
    void hub() throws Exception {
        hub = new TestHub();
        hub.put("org/repo", "m.Q8_0.gguf", new byte[60_000]);
        hub.put("org/repo", "m.Q4_K_M.gguf", new byte[40_000]);
        hub.put("org/repo", "m.Q2_K.gguf", new byte[20_000]);
        hub.put("org/repo", "m-00001-of-00002.gguf", new byte[10_000]);
        hub.put("org/repo", "README.md", new byte[10]);
        smaller = new SmallerQuantization(new HubClient(hub.url(), null, new Json()));
    }

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void namesTheLargestQuantizationThatFits() {
        RbeeException out = smaller.withSuggestion(vram(55_000), REF);
        assertEquals("hf:org/repo:Q4_K_M", out.details().get(SmallerQuantization.DETAIL));
        assertEquals("Not enough VRAM", out.getMessage());
        assertEquals(55_000L, out.details().get("available_bytes"));
    }

    @Test
    void aSmallerBudgetGetsASmallerFileAndNoBudgetNone() {
        assertEquals("hf:org/repo:Q2_K", smaller.withSuggestion(vram(30_000), REF).details()
                .get(SmallerQuantization.DETAIL));
        RbeeException nothingFits = vram(1_000);
        assertSame(nothingFits, smaller.withSuggestion(nothingFits, REF));
    }

    @Test
    void otherErrorsOtherRefsAndAnUnreachableHubAreLeftAlone(@TempDir Path dir) {
        RbeeException hot = RbeeException.of(ErrorCode.GPU_TOO_HOT, "hot", Map.of("available_bytes", 55_000L));
        assertSame(hot, smaller.withSuggestion(hot, REF));
        RbeeException demo = vram(55_000);
        assertSame(demo, smaller.withSuggestion(demo, "demo:tiny"));
        SmallerQuantization offline = new SmallerQuantization(new HubClient("http://127.0.0.1:9", null, new Json()));
        RbeeException error = vram(55_000);
        assertSame(error, offline.withSuggestion(error, REF));
    }

    private static RbeeException vram(long available) {
        return RbeeException.of(ErrorCode.INSUFFICIENT_VRAM, "Not enough VRAM",
                Map.of("required_bytes", 72_000L, "available_bytes", available));
    }
}
