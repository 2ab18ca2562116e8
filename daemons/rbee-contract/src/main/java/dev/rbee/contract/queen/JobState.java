package dev.rbee.contract.queen;

/** {@code Job.state} values. */
public final class JobState {
    public static final String PROVISIONING = "provisioning";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    private JobState() {
    }

    public static boolean isFinished(String state) {
        return COMPLETED.equals(state) || FAILED.equals(state) || CANCELLED.equals(state);
    }
}
