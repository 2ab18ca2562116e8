package dev.rbee.daemon;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly shutdown. Handling the signals directly (rather than in a shutdown hook)
 * lets the daemon drain, clean up and then exit with its own code (0) instead of the JVM's 143.
 */
public final class Signals {
    private Signals() {
    }

    public static void onTerminate(Runnable action) {
        Signal.handle(new Signal("TERM"), signal -> Thread.ofPlatform().name("sigterm").start(action));
        Signal.handle(new Signal("INT"), signal -> Thread.ofPlatform().name("sigint").start(action));
    }
}
