package dev.rbee.keeper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.KeeperEnvironment;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PromptsTest {
    private final ConsoleCapture capture = new ConsoleCapture();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private CliContext context(InputStream in) {
        KeeperEnvironment env = new KeeperEnvironment(Map.of(), new RbeeHome(Path.of("/nonexistent")),
                Path.of("/nonexistent"), new Json());
        return new CliContext(capture.console(), env, in, new Interrupts(Thread.currentThread()),
                new GlobalOptions.Values(false, null), "config import-ssh-config");
    }

    @Test
    void eachQuestionGetsItsOwnLineOfWhatWasTypedAhead() {
        CliContext context = context(new ByteArrayInputStream("y\nno\r\n YES \n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Prompts.ask(context, "first? [y/N] "));
        assertFalse(Prompts.ask(context, "second? [y/N] "));
        assertTrue(Prompts.ask(context, "third? [y/N] "));
        assertFalse(Prompts.ask(context, "at the end of input? [y/N] "));
        assertEquals("first? [y/N] second? [y/N] third? [y/N] at the end of input? [y/N] ", capture.err());
    }

    @Test
    void aLastLineWithoutItsEndStillCounts() {
        InputStream in = new ByteArrayInputStream("y".getBytes(StandardCharsets.UTF_8));
        assertEquals("y", Prompts.readLine(in));
        assertNull(Prompts.readLine(in));
    }

    @Test
    void ctrlCAtAQuestionAnswersNoAtOnce() throws Exception {
        PipedInputStream silent = new PipedInputStream(new PipedOutputStream());
        Thread main = Thread.currentThread();
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            main.interrupt();
        });
        long start = System.nanoTime();
        assertFalse(Prompts.ask(context(silent), "waiting? [y/N] "));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "the question ended with the interrupt");
    }
}
