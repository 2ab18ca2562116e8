package dev.rbee.hive.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DownloadNarrationTest {
    @Test
    void theTwelveMebibyteFixtureReadsAsDecimalMegabytes() {
        assertEquals("12.6 MB", DownloadNarration.megabytes(12_582_912L));
        assertEquals("✅ Model downloaded to /m/t.gguf (12.6 MB in 1.3 s)",
                DownloadNarration.downloaded("/m/t.gguf", 12_582_912L, 1.25));
    }
}
