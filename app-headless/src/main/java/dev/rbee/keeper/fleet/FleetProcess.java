package dev.rbee.keeper.fleet;

/**
 * A daemon that was running before "Stop everything". {@code url} is where it answers (its health path is probed
 * afterwards); {@code pid} is set only for a process on this machine, where it can be checked directly.
 *
 * @param name the worker id, {@code rbee-hive} or {@code queen-rbee}, as queen's force-kill report names them
 */
public record FleetProcess(Kind kind, String node, String name, String url, Long pid) {
    public enum Kind { QUEEN, HIVE, WORKER }

    public static final String QUEEN_NAME = "queen-rbee";
    public static final String HIVE_NAME = "rbee-hive";
}
