package dev.rbee.keeper.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * stdout for results and tokens, stderr for everything about how they came about (cli.md §1). Every write is
 * flushed at once so tokens and progress appear as they happen.
 */
public final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean errTerminal;

    public Console(PrintStream out, PrintStream err, boolean errTerminal) {
        this.out = out;
        this.err = err;
        this.errTerminal = errTerminal;
    }

    public static Console system() {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, false, StandardCharsets.UTF_8);
        return new Console(out, err, isTerminal(2));
    }

    /** Whether file descriptor {@code fd} of this process is a terminal; Linux answers through /proc. */
    public static boolean isTerminal(int fd) {
        try {
            String target = Path.of("/proc/self/fd/" + fd).toRealPath().toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | SecurityException e) {
            java.io.Console console = System.console();
            return console != null && console.isTerminal();
        }
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean errIsTerminal() {
        return errTerminal;
    }

    /** One result line on stdout. */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    /** Text on stdout without a line end (tokens). */
    public void text(String text) {
        out.print(text);
        out.flush();
    }

    /** One line on stderr. */
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    /** Text on stderr without a line end (a redrawn progress line). */
    public void noteText(String text) {
        err.print(text);
        err.flush();
    }
}
