package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The control machine's OpenSSH client config for {@code config import-ssh-config}: files under the scenario's
 * control home (the {@code HOME} keeper runs with, set up by the SSH steps), and keeper's local user name.
 */
public class SshConfigSteps {
    private final ScenarioWorld world;

    public SshConfigSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** {@code path} starts with {@code ~/}; placeholders such as {@code <ssh-port>} in the text are filled in. */
    @Given("the SSH config file {string} holds:")
    public void sshConfigFile(String path, String text) throws IOException {
        String home = world.env().get("HOME");
        assertNotNull(home, "the control home is made by the SSH server steps, which must come first");
        Path file = Path.of(path.startsWith("~/") ? home + path.substring(1) : path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, world.fill(text) + "\n");
    }

    /** ssh logs in as the local user when a host has no {@code User}; keeper takes it from {@code USER}. */
    @Given("keeper's environment has USER {string}")
    public void localUser(String user) {
        world.env().put("USER", user);
    }
}
