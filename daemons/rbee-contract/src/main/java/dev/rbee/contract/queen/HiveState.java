package dev.rbee.contract.queen;

/** {@code HiveStatus.state} values. */
public final class HiveState {
    public static final String STOPPED = "stopped";
    public static final String STARTING = "starting";
    public static final String RUNNING = "running";
    public static final String STOPPING = "stopping";
    public static final String UNREACHABLE = "unreachable";

    private HiveState() {
    }
}
