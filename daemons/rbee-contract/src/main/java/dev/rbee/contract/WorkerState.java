package dev.rbee.contract;

import java.util.List;

/** Worker states as written by workers, hives and queen; {@link #REMOVED} only appears in queen's events. */
public final class WorkerState {
    public static final String LOADING = "loading";
    public static final String IDLE = "idle";
    public static final String BUSY = "busy";
    public static final String DRAINING = "draining";
    public static final String ERROR = "error";
    public static final String REMOVED = "removed";
    public static final List<String> ALL = List.of(LOADING, IDLE, BUSY, DRAINING, ERROR);

    private WorkerState() {
    }

    /** {@code ready} is true in idle and busy (api.md §7.1). */
    public static boolean isReady(String state) {
        return IDLE.equals(state) || BUSY.equals(state);
    }
}
