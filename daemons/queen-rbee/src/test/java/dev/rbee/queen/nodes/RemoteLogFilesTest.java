package dev.rbee.queen.nodes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RemoteLogFilesTest {
    @Test
    void theFileNameIsOneQuotedWordUnderTheNodesRbeeHome() {
        assertEquals("f=\"${RBEE_HOME:-$HOME/.rbee}/logs/\"'rbee-hive.log'; test -f \"$f\" || exit 4; tail -n 50 \"$f\"",
                RemoteLogFiles.command("rbee-hive.log", 50));
        assertEquals("f=\"${RBEE_HOME:-$HOME/.rbee}/logs/\"'it'\\''s.log'; test -f \"$f\" || exit 4; tail -n 1 \"$f\"",
                RemoteLogFiles.command("it's.log", 1));
    }
}
