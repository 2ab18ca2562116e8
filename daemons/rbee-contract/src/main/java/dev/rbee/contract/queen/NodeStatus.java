package dev.rbee.contract.queen;

/** {@code Node.status} values. */
public final class NodeStatus {
    public static final String UNKNOWN = "unknown";
    public static final String REACHABLE = "reachable";
    public static final String UNREACHABLE = "unreachable";

    private NodeStatus() {
    }
}
