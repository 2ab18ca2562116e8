package dev.rbee.keeper.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopSequencesTest {
    @Test
    void escapesBecomeTheCharactersTheyName() {
        assertEquals(List.of("\n\n", "a\tb", "back\\slash", "\\x stays", "end\\"),
                StopSequences.unescape(List.of("\\n\\n", "a\\tb", "back\\\\slash", "\\x stays", "end\\")));
    }

    @Test
    void noStopsStayNull() {
        assertEquals(null, StopSequences.unescape((List<String>) null));
    }
}
