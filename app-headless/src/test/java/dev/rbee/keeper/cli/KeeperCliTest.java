package dev.rbee.keeper.cli;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.testing.Events;
import dev.rbee.keeper.testing.ScriptedQueen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The program end to end against an in-process queen: arguments in, stdout, stderr and exit code out. */
class KeeperCliTest {
    @TempDir
    Path home;
    private ScriptedQueen queen;
    private ConsoleCapture capture;
    private Interrupts interrupts;
    private String stdin = "";

    @BeforeEach
    void setUp() throws Exception {
        queen = ScriptedQueen.start();
        capture = new ConsoleCapture();
        interrupts = new Interrupts(Thread.currentThread());
    }

    @AfterEach
    void tearDown() {
        queen.close();
        Thread.interrupted();
    }

    private int run(String... args) {
        KeeperEnvironment env = new KeeperEnvironment(Map.of("RBEE_QUEEN_URL", queen.url()), new RbeeHome(home),
                home.resolve("no-dist"), new Json());
        ByteArrayInputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return new KeeperCli(capture.console(), env, in, interrupts).run(args);
    }




    @Test
    void errorEventWithPartialResult() throws Exception {
        queen.script((ex, q) -> {
            OutputStream out = q.open(ex, "job-7f3c9a");
            ScriptedQueen.send(out, Events.started("job-7f3c9a"));
            ScriptedQueen.send(out, Events.token("Once", 0));
            ScriptedQueen.send(out, Events.error("VRAM_OOM", "Device memory exhausted during generation"));
            ScriptedQueen.done(out);
        });
        assertEquals(1, run("infer", "--model", "demo:tiny", "--prompt", "hi", "--json"));
        Path partial = home.resolve("partial/job-7f3c9a.txt");
        assertEquals("Once", Files.readString(partial));
        List<String> lines = capture.outLines();
        assertEquals(4, lines.size());
        assertEquals("{\"type\":\"partial_saved\",\"job_id\":\"job-7f3c9a\",\"path\":\"" + partial
                + "\",\"tokens_out\":1,\"max_tokens\":20}", lines.get(3));

        capture = new ConsoleCapture();
        assertEquals(1, run("infer", "--model", "demo:tiny", "--prompt", "hi", "--max-tokens", "12"));
        assertEquals("Once\n", capture.out());
        assertEquals(List.of(
                "[rbee-keeper] ⚠️ demo:tiny has random weights: its output is meaningless and only shows that the "
                        + "cluster works.",
                "[queen-rbee] ▶ Job job-7f3c9a started on localhost (worker worker-3b1e)",
                "[rbee-hive] ❌ Error: Device memory exhausted during generation (VRAM_OOM)",
                "  Tokens generated: 1 / 12",
                "  Partial result saved to: " + partial), capture.errLines());
    }


    @Test
    void validationHappensBeforeQueenIsContacted() {
        queen.close();
        assertEquals(1, run("infer", "--model", "demo:tiny", "--prompt", "hi", "--temperature", "3.5",
                "--device", "1"));
        assertEquals("", capture.out());
        assertEquals(List.of("[rbee-keeper] ❌ Error: Invalid inference options (INVALID_REQUEST)",
                "  --temperature: must be between 0.0 and 2.0 (got 3.5)",
                "  --device: needs --backend"), capture.errLines());
    }

    @Test
    void usageErrors() {
        assertEquals(1, run("infer", "--frobnicate"));
        assertEquals(List.of("[rbee-keeper] ❌ Error: Unknown option: '--frobnicate' (USAGE_ERROR)",
                "💡 See: rbee-keeper infer --help"), capture.errLines());
        capture = new ConsoleCapture();
        assertEquals(1, run("--queen-url", "ftp://x", "daemon", "status"));
        assertEquals("[rbee-keeper] ❌ Error: Invalid queen URL 'ftp://x': expected http://<host>:<port> "
                + "(USAGE_ERROR)", capture.errLines().getFirst());
        capture = new ConsoleCapture();
        assertEquals(1, run("daemon", "status", "--json", "--queen-url", "nope"));
        assertTrue(capture.out().startsWith("{\"error\":{\"code\":\"USAGE_ERROR\""), capture.out());
        assertEquals("", capture.err());
    }

    @Test
    void versionHelpAndNoArguments() {
        assertEquals(0, run("-V"));
        assertEquals("rbee-keeper 0.1.0\n", capture.out());
        capture = new ConsoleCapture();
        assertEquals(0, run("--version", "--json"));
        assertTrue(capture.out().startsWith("{\"name\":\"rbee-keeper\",\"version\":\"0.1.0\",\"java\":\"25"));
        capture = new ConsoleCapture();
        assertEquals(0, run("daemon", "start", "--help"));
        assertTrue(capture.out().startsWith("Usage: rbee-keeper daemon start"), capture.out());
        capture = new ConsoleCapture();
        assertEquals(1, run());
        assertTrue(capture.out().contains("infer") && capture.out().contains("daemon"));
        capture = new ConsoleCapture();
        assertEquals(1, run("--json"));
        assertTrue(capture.out().startsWith("Usage: rbee-keeper"));
    }


    @Test
    void versionMismatchIsAWarning() {
        queen.version("0.2.0");
        assertEquals(0, run("daemon", "status"));
        assertEquals(List.of("[rbee-keeper] ⚠️ queen-rbee is 0.2.0, this rbee-keeper is 0.1.0"), capture.errLines());
    }

    @Test
    void queenNotRunning() {
        queen.close();
        assertEquals(1, run("daemon", "status"));
        assertEquals("queen-rbee is not running at " + queen.url() + "\n", capture.out());
        assertEquals(List.of("💡 Start it: rbee-keeper daemon start"), capture.errLines());
        capture = new ConsoleCapture();
        assertEquals(0, run("daemon", "stop"));
        assertEquals("queen-rbee is not running at " + queen.url() + "\n", capture.out());
    }
}
