package dev.rbee.desktop;

import dev.rbee.contract.RbeeHome;
import dev.rbee.desktop.shell.SingleInstance;
import dev.rbee.keeper.cli.Console;
import dev.rbee.keeper.cli.Interrupts;
import dev.rbee.keeper.cli.KeeperCli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of {@code rbee-keeper} without arguments (cli.md §2): opens the desktop app, or falls back to the
 * command-line help when there is no display or the toolkit cannot start. This class names no JavaFX type, so the
 * display check runs before any JavaFX class is loaded; {@code bin/rbee-keeper} sends every call with arguments
 * straight to {@link dev.rbee.keeper.cli.Main}, which never loads JavaFX at all.
 */
public final class DesktopMain {
    static final String PREFIX = "[rbee-keeper] ";

    private DesktopMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            dev.rbee.keeper.cli.Main.main(args);
            return;
        }
        System.exit(run(System.getenv(), System.getProperty("os.name", "")));
    }

    static int run(Map<String, String> env, String osName) {
        if (osName.toLowerCase().contains("linux") && blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            System.err.println(PREFIX + "No display found (DISPLAY and WAYLAND_DISPLAY are unset); "
                    + "running the command-line interface.");
            System.err.flush();
            printHelp(env);
            return KeeperCli.OK;
        }
        Path home = RbeeHome.fromEnvironment(env).root();
        try (SingleInstance instance = SingleInstance.acquire(home).orElse(null)) {
            if (instance == null) {
                System.err.println(PREFIX + "The desktop app is already open for " + home
                        + " (one at a time); use that window, or the command-line interface: rbee-keeper --help");
                return KeeperCli.FAILED;
            }
            return openWindow(env);
        } catch (IOException e) {
            System.err.println(PREFIX + "❌ Cannot use " + home + ": " + e.getMessage());
            return KeeperCli.FAILED;
        }
    }

    private static int openWindow(Map<String, String> env) {
        String failure = DesktopApp.startToolkit();
        if (failure != null) {
            System.err.println(PREFIX + "The desktop app could not start (" + failure + "); "
                    + "running the command-line interface.");
            System.err.flush();
            printHelp(env);
            return KeeperCli.FAILED;
        }
        return DesktopApp.run(env);
    }

    private static void printHelp(Map<String, String> env) {
        new KeeperCli(Console.system(), env, System.in, new Interrupts(Thread.currentThread())).run("--help");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
