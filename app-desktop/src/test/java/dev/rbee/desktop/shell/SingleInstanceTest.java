package dev.rbee.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One desktop app per RBEE_HOME: a second one, in another process, says so and exits 1 before any window opens. */
class SingleInstanceTest {
    @TempDir
    Path dir;

    @Test
    void aSecondAppForTheSameHomeExitsWithAMessage() throws Exception {
        Path home = dir.resolve("home with 'quotes' and spaces");
        try (SingleInstance first = SingleInstance.acquire(home).orElseThrow()) {
            ProcessBuilder second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "dev.rbee.desktop.DesktopMain");
            second.environment().put("RBEE_HOME", home.toString());
            second.environment().put("DISPLAY", ":4242"); // never reached: the lock is checked first
            Process process = second.start();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, process.exitValue(), stderr);
            assertEquals("[rbee-keeper] The desktop app is already open for " + home
                    + " (one at a time); use that window, or the command-line interface: rbee-keeper --help\n", stderr);
            assertEquals(Optional.empty(), SingleInstance.acquire(home).map(lock -> "acquired twice in one JVM"));
        }
        try (SingleInstance again = SingleInstance.acquire(home).orElseThrow()) {
            assertTrue(again != null, "released when the first app closed");
        }
    }
}
