package dev.rbee.keeper.cli;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.contract.queen.QWorker;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.cli.worker.WorkerRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** config.toml as the program sees it, the completion script, and the worker table. No queen is needed. */
class ConfigAndCompletionTest {
    @TempDir
    Path home;
    private final ConsoleCapture capture = new ConsoleCapture();

    private int run(String... args) {
        // port 9 (discard) is never a queen: any attempt to reach one would fail differently
        KeeperEnvironment env = new KeeperEnvironment(Map.of("RBEE_QUEEN_URL", "http://127.0.0.1:9"),
                new RbeeHome(home), home.resolve("no-dist"), new Json());
        return new KeeperCli(capture.console(), env, new ByteArrayInputStream(new byte[0]),
                new Interrupts(Thread.currentThread())).run(args);
    }

    @Test
    void aBrokenConfigFailsBeforeTheCommandRuns() throws IOException {
        Path config = home.resolve("config.toml");
        Files.writeString(config, "[defaults]\ntemperature = \"hot\"\n");
        assertEquals(1, run("infer", "--model", "demo:tiny", "--prompt", "hi"));
        assertEquals(List.of("[rbee-keeper] ❌ Error: " + config
                + " line 2: defaults.temperature must be a number (CONFIG_INVALID)"), capture.errLines());
        assertEquals("", capture.out());
    }

    @Test
    void helpDoesNotReadTheConfig() throws IOException {
        Files.writeString(home.resolve("config.toml"), "this is not toml");
        assertEquals(0, run("status", "--help"));
        assertEquals("", capture.err());
    }

    @Test
    void unknownKeysAreWarnedAboutButNotUnderJson() throws IOException {
        Path config = home.resolve("config.toml");
        Files.writeString(config, "colour = true\n");
        assertEquals(1, run("status"));
        assertTrue(capture.errLines().contains("[rbee-keeper] ⚠️ Unknown key 'colour' in " + config + " (ignored)"),
                capture::err);
        ConsoleCapture json = new ConsoleCapture();
        KeeperEnvironment env = new KeeperEnvironment(Map.of("RBEE_QUEEN_URL", "http://127.0.0.1:9"),
                new RbeeHome(home), home, new Json());
        new KeeperCli(json.console(), env, new ByteArrayInputStream(new byte[0]),
                new Interrupts(Thread.currentThread())).run("status", "--json");
        assertEquals("", json.err());
    }

    @Test
    void completionKnowsEveryGroup() {
        assertEquals(0, run("completion", "bash"));
        String script = capture.out();
        for (String group : List.of("daemon", "infer", "models", "hive", "worker", "status", "completion")) {
            assertTrue(script.contains(group), () -> group + " missing from the script");
        }
        assertTrue(script.contains("complete -F _complete_rbee-keeper"), "registers the completion function");
        assertTrue(script.contains("bashcompinit"), "the same script works under zsh");
    }

    @Test
    void workerTableAlignsItsColumns() {
        QWorker worker = new QWorker("worker-3b1e", "workstation", "http://workstation.home.arpa:8001",
                "hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF", null, "cuda", 1, "idle", 1, 0, 0, null, false);
        assertEquals(List.of(
                "WORKER       NODE         MODEL                                      BACKEND  STATE  SLOTS  URL",
                "worker-3b1e  workstation  hf:TheBloke/TinyLlama-1.1B-Chat-v1.0-GGUF  cuda:1   idle   0/1    "
                        + "http://workstation.home.arpa:8001"), WorkerRows.table(List.of(worker)));
    }
}
