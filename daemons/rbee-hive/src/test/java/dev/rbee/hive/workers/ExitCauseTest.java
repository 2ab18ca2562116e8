package dev.rbee.hive.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExitCauseTest {
    @Test
    void signalsAndCodesInWords() {
        assertEquals("killed by SIGKILL", ExitCause.describe(137, false));
        assertEquals("killed by SIGKILL during loading (likely out of memory)", ExitCause.describe(137, true));
        assertEquals("killed by SIGSEGV", ExitCause.describe(139, false));
        assertEquals("killed by signal 7", ExitCause.describe(135, false));
        assertEquals("exit code 1", ExitCause.describe(1, false));
        assertEquals("exit code 3", ExitCause.describe(3, true));
    }
}
