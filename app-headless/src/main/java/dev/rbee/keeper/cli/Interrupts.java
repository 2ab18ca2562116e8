package dev.rbee.keeper.cli;

import sun.misc.Signal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl+C, SIGTERM and SIGHUP (cli.md §12). A signal handler instead of a shutdown hook keeps keeper in charge of
 * the clean-up order and of the exit code (130). The first signal runs the current command's cancel action when it
 * has one; a further signal, or the first when there is none, interrupts the main thread so that every remaining
 * wait ends at once.
 */
public final class Interrupts {
    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private final Thread mainThread;
    private final AtomicInteger count = new AtomicInteger();
    private volatile Runnable cancelAction;

    public Interrupts(Thread mainThread) {
        this.mainThread = mainThread;
    }

    public void installSignalHandlers() {
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> signal());
            } catch (IllegalArgumentException e) {
                // The signal does not exist here (Windows) or is reserved by the JVM (-Xrs): keep its default.
            }
        }
    }

    /** Called for each signal; public so tests can simulate Ctrl+C. */
    public void signal() {
        Runnable action = cancelAction;
        if (count.incrementAndGet() == 1 && action != null) {
            action.run();
        } else {
            mainThread.interrupt();
        }
    }

    /** What the first Ctrl+C does while a cancellable operation runs; must not block. */
    public void onFirstInterrupt(Runnable action) {
        cancelAction = action;
    }

    public void clearAction() {
        cancelAction = null;
    }

    public boolean happened() {
        return count.get() > 0;
    }

    /** A second signal came: every remaining wait is to be skipped. */
    public boolean repeated() {
        return count.get() > 1;
    }
}
