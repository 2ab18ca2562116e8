package dev.rbee.features.steps;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rbee.features.kit.ScenarioWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** What decides between the desktop app and the CLI (cli.md §2): the display variables and which classes load. */
public class DesktopLaunchSteps {
    private final ScenarioWorld world;

    public DesktopLaunchSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** A null value removes the variable the test machine itself may have set. */
    @Given("keeper's environment has neither DISPLAY nor WAYLAND_DISPLAY")
    public void noDisplay() {
        world.env().put("DISPLAY", null);
        world.env().put("WAYLAND_DISPLAY", null);
    }

    /** The display must really be absent, or the toolkit would start and the scenario would open a window. */
    @Given("keeper's environment has DISPLAY {string} where no X server listens, and no WAYLAND_DISPLAY")
    public void deadDisplay(String display) {
        String number = display.substring(display.indexOf(':') + 1);
        assertFalse(Files.exists(Path.of("/tmp/.X11-unix/X" + number)), "an X server listens on " + display);
        world.env().put("DISPLAY", display);
        world.env().put("WAYLAND_DISPLAY", null);
    }

    /** The JVM's own class-loading log, the one way to see from outside whether JavaFX was loaded. */
    @Given("keeper's JVM logs the classes it loads to {string}")
    public void logClassLoading(String file) {
        world.env().put("RBEE_JAVA_OPTS", "-Xlog:class+load=info:file=" + world.fill(file));
    }

    @Then("the file {string} has no line matching {string}")
    public void noLineMatching(String file, String regex) throws IOException {
        List<String> matching = matching(file, regex);
        assertTrue(matching.isEmpty(), () -> "lines matching " + regex + ": " + matching.subList(0,
                Math.min(5, matching.size())));
    }

    @Then("the file {string} has a line matching {string}")
    public void lineMatching(String file, String regex) throws IOException {
        assertFalse(matching(file, regex).isEmpty(), () -> "no line of " + file + " matches " + regex);
    }

    private List<String> matching(String file, String regex) throws IOException {
        Path path = Path.of(world.fill(file));
        assertTrue(Files.exists(path), () -> path + " was not written");
        Pattern pattern = Pattern.compile(regex);
        return Files.readAllLines(path).stream().filter(line -> pattern.matcher(line).find()).toList();
    }
}
