package dev.rbee.contract.queen;

/** Answer of {@code remove}; {@code hive_stopped} tells whether a running hive had to be stopped first. */
public record RemoveNodeResponse(String nodeName, boolean removed, boolean hiveStopped) {
}
