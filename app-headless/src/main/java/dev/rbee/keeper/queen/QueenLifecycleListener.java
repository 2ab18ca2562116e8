package dev.rbee.keeper.queen;

import dev.rbee.keeper.QueenUrl;

/** What the queen lifecycle tells its user interface; every method is optional. Called on the working thread. */
public interface QueenLifecycleListener {
    QueenLifecycleListener SILENT = new QueenLifecycleListener() { };

    /** The probed queen's version differs from keeper's (a warning only). */
    default void versionMismatch(String queenVersion, String keeperVersion) {
    }

    default void startingEphemeral(QueenUrl url) {
    }

    default void ephemeralReady(long pid) {
    }

    /** Printed before the shutdown request, so the user knows why the command still waits. */
    default void stoppingEphemeral() {
    }

    /** {@code daemon stop} is about to stop a recorded queen. */
    default void stopping() {
    }

    /** The queen did not exit in time and was killed. */
    default void killedAfterTimeout(long pid) {
    }
}
