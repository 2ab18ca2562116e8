package dev.rbee.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopSequenceMatcherTest {
    @Test
    void textBeforeAStopSplitAcrossTokensLeavesButTheStopDoesNot() {
        StopSequenceMatcher m = new StopSequenceMatcher(List.of("\n\n"));
        assertEquals("Once", m.feed("Once"));
        assertEquals(" upon", m.feed(" upon\n"));
        assertEquals("", m.feed("\nrest"));
        assertEquals("\n\n", m.matched());
    }

    @Test
    void heldBackTextIsFlushedWhenNoStopMatches() {
        StopSequenceMatcher m = new StopSequenceMatcher(List.of("END"));
        assertEquals("ab", m.feed("abE"));
        assertEquals("", m.feed("N"));
        assertEquals("EN", m.flush());
        assertNull(m.matched());
    }

    @Test
    void withoutStopsEverythingPassesThrough() {
        StopSequenceMatcher m = new StopSequenceMatcher(List.of());
        assertEquals("x", m.feed("x"));
        assertEquals("", m.flush());
    }
}
