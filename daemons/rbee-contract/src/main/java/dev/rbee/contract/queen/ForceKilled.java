package dev.rbee.contract.queen;

/** A process the cascade had to force-kill: a worker id or {@code rbee-hive}, on a node. */
public record ForceKilled(String node, String process) {
}
