package dev.rbee.keeper.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.contract.RbeeHome;
import dev.rbee.contract.json.Json;
import dev.rbee.keeper.KeeperEnvironment;
import dev.rbee.keeper.cli.ConsoleCapture;
import dev.rbee.keeper.cli.Interrupts;
import dev.rbee.keeper.cli.KeeperCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local checks of {@code config set-ssh} and {@code config import-ssh-config}: bad input fails with a clear
 * error before any queen is contacted. The queen URL is loopback port 9 with no distribution to start a queen
 * from, so a command that went on to queen would end in QUEEN_START_FAILED instead of the expected line. What
 * the commands do with a real queen is in features/keeper/ssh_config.feature.
 */
class ConfigSshCommandsTest {
    @TempDir
    Path home;
    private final ConsoleCapture capture = new ConsoleCapture();

    private int run(String... args) {
        KeeperEnvironment env = new KeeperEnvironment(Map.of("RBEE_QUEEN_URL", "http://127.0.0.1:9",
                "HOME", home.toString()), new RbeeHome(home.resolve(".rbee")), home.resolve("no-dist"), new Json());
        return new KeeperCli(capture.console(), env, new ByteArrayInputStream(new byte[0]),
                new Interrupts(Thread.currentThread())).run(args);
    }

    private void assertError(String line, String command) {
        assertEquals(List.of("[rbee-keeper] ❌ Error: " + line, "💡 See: rbee-keeper " + command + " --help"),
                capture.errLines());
        assertEquals("", capture.out());
    }

    @Test
    void setSshChecksThePortRangeLocally() {
        assertEquals(KeeperCli.FAILED, run("config", "set-ssh", "--node", "workstation", "--port", "70000"));
        assertError("--port must be between 1 and 65535, not 70000 (USAGE_ERROR)", "config set-ssh");
    }

    @Test
    void setSshRefusesAPortThatIsNoNumber() {
        assertEquals(KeeperCli.FAILED, run("config", "set-ssh", "--node", "workstation", "--port", "ssh"));
        assertTrue(capture.errLines().getFirst().startsWith("[rbee-keeper] ❌ Error: Invalid value for option "
                + "'--port': 'ssh' is not an int"), capture::err);
    }

    @Test
    void setSshNeedsANode() {
        assertEquals(KeeperCli.FAILED, run("config", "set-ssh", "--host", "h"));
        assertError("Missing required option: '--node=<name>' (USAGE_ERROR)", "config set-ssh");
    }

    @Test
    void setSshChecksTheKeyLocallyAndExpandsTilde() {
        assertEquals(KeeperCli.FAILED, run("config", "set-ssh", "--node", "w", "--key", "~/my keys/it's gone"));
        String key = home.resolve("my keys/it's gone").toString();
        assertEquals(List.of("[rbee-keeper] ❌ Error: SSH key not found: " + key + " (SSH_KEY_NOT_FOUND)",
                "💡 Check the path, or omit --ssh-key to use ssh-agent and ~/.ssh/id_ed25519"), capture.errLines());
    }

    @Test
    void importNamesAMissingFile() {
        assertEquals(KeeperCli.FAILED, run("config", "import-ssh-config"));
        assertError("SSH config not found: " + home.resolve(".ssh/config") + " (USAGE_ERROR)",
                "config import-ssh-config");
    }

    @Test
    void importNamesAMissingFileAsJsonToo() {
        Path missing = home.resolve("a \"quoted\" dir/config");
        assertEquals(KeeperCli.FAILED, run("config", "import-ssh-config", "--json", "--file", missing.toString()));
        assertEquals("", capture.err());
        var error = new Json().tree(capture.out()).get("error");
        assertEquals("USAGE_ERROR", error.get("code").asText());
        assertEquals("SSH config not found: " + missing, error.get("message").asText());
    }

    @Test
    void importRefusesAFolder() throws IOException {
        Path folder = Files.createDirectories(home.resolve("folder"));
        assertEquals(KeeperCli.FAILED, run("config", "import-ssh-config", "--file", folder.toString()));
        assertError("Cannot read SSH config " + folder + ": it is a directory (USAGE_ERROR)",
                "config import-ssh-config");
    }

    @Test
    void importNamesTheBrokenLine() throws IOException {
        Path file = Files.writeString(home.resolve("ssh config"), "Host a\n  HostName \"unclosed\n");
        assertEquals(KeeperCli.FAILED, run("config", "import-ssh-config", "--file", file.toString()));
        assertError(file + " line 2: unterminated quote (\") (USAGE_ERROR)", "config import-ssh-config");
    }

    @Test
    void importRefusesHostsThatAreNotInTheFile() throws IOException {
        Path file = Files.writeString(home.resolve("config"), "Host gpu\n");
        assertEquals(KeeperCli.FAILED, run("config", "import-ssh-config", "--file", "~/config", "--host", "gpu",
                "--host", "nope", "--host", "other"));
        assertError("No Host 'nope', 'other' in " + file + " (USAGE_ERROR)", "config import-ssh-config");
    }

    @Test
    void theConfigHelpListsBothCommands() {
        assertEquals(KeeperCli.OK, run("config", "--help"));
        assertTrue(capture.out().contains("set-ssh"), capture::out);
        assertTrue(capture.out().contains("import-ssh-config"), capture::out);
    }
}
