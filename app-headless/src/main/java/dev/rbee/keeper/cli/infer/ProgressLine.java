package dev.rbee.keeper.cli.infer;

import dev.rbee.keeper.cli.Console;

/**
 * A progress bar on stderr (cli.md §1): on a terminal one line redrawn in place; otherwise one plain line at each
 * 10 % step and at the end, so logs stay short.
 */
public final class ProgressLine {
    private static final int BAR_WIDTH = 20;
    private static final String CLEAR_TO_END = "\u001b[K";

    private final Console console;
    private final boolean terminal;
    private String label;
    private int lastStep = -1;
    private boolean drawn;

    public ProgressLine(Console console, boolean terminal) {
        this.console = console;
        this.terminal = terminal;
    }

    /** {@code label} names the bar ("Downloading demo:tiny"); {@code after} follows it ("40%  2.0 MB / 5.0 MB"). */
    public void update(String label, double fraction, String after) {
        if (!label.equals(this.label)) {
            finish();
            this.label = label;
            lastStep = -1;
        }
        double clamped = Math.max(0, Math.min(1, fraction));
        String line = label + " " + bar(clamped) + " " + after;
        if (terminal) {
            console.noteText("\r" + line + CLEAR_TO_END);
            drawn = true;
            return;
        }
        int step = (int) Math.floor(clamped * 10);
        if (step > lastStep) {
            lastStep = step;
            console.note(line);
        }
    }

    /** Ends a redrawn line so the next message starts on its own line. */
    public void finish() {
        if (drawn) {
            console.noteText(System.lineSeparator());
            drawn = false;
        }
        label = null;
    }

    static String bar(double fraction) {
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return "[" + "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled) + "]";
    }
}
