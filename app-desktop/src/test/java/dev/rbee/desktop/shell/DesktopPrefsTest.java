package dev.rbee.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the app remembers in RBEE_HOME/desktop.properties, and that a damaged file only means defaults. */
class DesktopPrefsTest {
    @TempDir
    Path home;

    @Test
    void boundsScreenAndThemeSurviveARestart() {
        DesktopPrefs prefs = DesktopPrefs.load(home);
        assertEquals(Optional.empty(), prefs.bounds());
        assertFalse(prefs.darkTheme());
        prefs.bounds(new DesktopPrefs.Bounds(10, 20, 900, 600, false));
        prefs.screen("Live board");
        prefs.darkTheme(true);
        assertTrue(prefs.save());

        DesktopPrefs again = DesktopPrefs.load(home);
        assertEquals(Optional.of(new DesktopPrefs.Bounds(10, 20, 900, 600, false)), again.bounds());
        assertEquals(Optional.of("Live board"), again.screen());
        assertTrue(again.darkTheme());
    }

    @Test
    void aDamagedOrTinyWindowFallsBackToDefaults() throws Exception {
        Files.writeString(home.resolve(DesktopPrefs.FILE), "window.width=abc\nwindow.height=600\n");
        assertEquals(Optional.empty(), DesktopPrefs.load(home).bounds());
        Files.writeString(home.resolve(DesktopPrefs.FILE), "window.width=10\nwindow.height=10\n");
        assertEquals(Optional.empty(), DesktopPrefs.load(home).bounds(), "a window too small to find is not restored");
    }
}
